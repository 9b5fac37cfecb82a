using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Actors.IntegrationTests.RequestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Steering group, working groups and meetings, written by those who manage, and the warnings about them.</summary>
public sealed class GovernanceTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static object Governance(Guid owner, Guid partner, bool partnerMandate) => new
    {
        steeringGroup = new object[]
        {
            new { name = "Anna Andersson", actorId = owner, hasMandate = true },
            new { name = "Bo Berg", actorId = partner, hasMandate = partnerMandate },
        },
        processLeader = new { name = "Cecilia Ceder", actorId = owner },
        workingGroups = new[]
        {
            new
            {
                name = "Arbetsgrupp matchning", purpose = "Matcha deltagare mot arbetsgivare",
                members = new object[] { new { name = "Dan Dal", actorId = (Guid?)partner }, new { name = "Deltagare", fromTargetGroup = true } },
            },
        },
    };

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Owner_coordinator_sets_governance_under_the_etag_and_a_stale_one_is_412()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/collaborations/{id}/governance";
        var empty = await client.GetAsync(url);
        Assert.Equal("\"0\"", empty.Headers.ETag!.Tag);

        var set = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Governance(owner, partner, true), "\"0\""));
        var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Governance(owner, partner, false), "\"0\""));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var read = await factory.ClientFor(Roles.Caseworker, partner).GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, read.GetProperty("steeringGroup").GetArrayLength());
        Assert.True(read.GetProperty("workingGroups")[0].GetProperty("members")[1].GetProperty("fromTargetGroup").GetBoolean());
    }

    [Fact]
    public async Task Partners_read_but_do_not_write_governance_and_outsiders_get_404()
    {
        var partner = await factory.RegisterActorAsync();
        var outsider = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var url = $"/api/collaborations/{id}/governance";
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, partner).SendAsync(WithIfMatch(HttpMethod.Put, url, Governance(owner, partner, true), "\"0\""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync(url + "/warnings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, owner).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Representatives_must_represent_members_400_naming_the_field()
    {
        var stranger = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/collaborations/{id}/governance";

        var notMember = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Governance(owner, stranger, true), "\"0\""));
        var nobody = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, new
        {
            steeringGroup = Array.Empty<object>(),
            workingGroups = new[] { new { name = "AG", purpose = "P", members = new[] { new { name = "Okänd" } } } },
        }, "\"0\""));

        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Problems.AssertNamesField(await notMember.ProblemAsync(), "steeringGroup[1].actorId");
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Problems.AssertNamesField(await nobody.ProblemAsync(), "workingGroups[0].members[0].actorId");
    }

    [Fact]
    public async Task A_null_entry_is_400_naming_it_not_a_500()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var response = await factory.ClientFor(Roles.Coordinator, owner).SendAsync(
            WithIfMatch(HttpMethod.Put, $"/api/collaborations/{id}/governance", new { steeringGroup = new object?[] { null } }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "steeringGroup[0]");
    }

    [Fact]
    public async Task Warnings_name_the_member_without_mandate_the_missing_meeting_and_the_overdue_decision_until_it_is_done()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner); // started 2026-01-01, no meeting yet
        var client = factory.ClientFor(Roles.Coordinator, owner);
        await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/collaborations/{id}/governance", Governance(owner, partner, false), "\"0\""));

        var before = await Kinds(id, partner);
        Assert.Contains(("member-without-mandate", partner.ToString()), before);
        Assert.DoesNotContain(("member-without-mandate", owner.ToString()), before);
        Assert.Contains(("no-recent-steering-group-meeting", ""), before);

        var decision = new { text = "Rekrytera en sökandelots", decidedBy = "styrgruppen", followUpDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") };
        var meeting = await client.PostAsJsonAsync($"/api/collaborations/{id}/meetings", new
        {
            date = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd"), kind = "steering-group",
            attendees = new object[] { new { name = "Anna Andersson", actorId = owner } }, decisions = new[] { decision },
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var during = await Kinds(id, partner);
        Assert.DoesNotContain(("no-recent-steering-group-meeting", ""), during);
        Assert.Contains(("decision-overdue", ""), during);

        var done = await client.SendAsync(WithIfMatch(HttpMethod.Put, meeting.Headers.Location!.ToString(), new
        {
            date = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd"), kind = "steering-group",
            decisions = new[] { new { decision.text, decision.decidedBy, decision.followUpDate, done = true } },
        }, meeting.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.DoesNotContain(("decision-overdue", ""), await Kinds(id, partner));
    }

    [Fact]
    public async Task Meetings_are_written_by_those_who_manage_and_reject_a_follow_up_before_the_meeting()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var url = $"/api/collaborations/{id}/meetings";
        var body = new { date = Today, kind = "check-in", decisions = new[] { new { text = "X", decidedBy = "Y", followUpDate = "2020-01-01" } } };

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync(url, body)).StatusCode);
        var bad = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Problems.AssertNamesField(await bad.ProblemAsync(), "decisions[0].followUpDate");
        var unknownKind = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync(url, new { date = Today, kind = "party" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Problems.AssertNamesField(await unknownKind.ProblemAsync(), "kind");
    }

    private async Task<List<(string Kind, string Actor)>> Kinds(Guid id, Guid reader)
    {
        var response = await factory.ClientFor(Roles.Caseworker, reader).GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/governance/warnings");
        return response.GetProperty("warnings").EnumerateArray().Select(w => (
            w.GetProperty("kind").GetString()!,
            w.TryGetProperty("actorId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "")).ToList();
    }
}
