using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>The ESF+ monthly participant file: its rows, who may make it, and the audit of every identity it shows.</summary>
public sealed class EsfParticipantFileTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task The_owners_admin_gets_the_participants_active_in_the_month_with_numbers_dates_hours_and_outcome_each_audited()
    {
        var collaboration = Guid.NewGuid();
        var owner = await factory.KnownActorAsync("Projektägaren");
        var caseworker = factory.ClientFor(Roles.Caseworker, owner);
        var left = await EnrolAsync(caseworker, collaboration, "811218-9876", "2026-01-10");
        var stays = await EnrolAsync(caseworker, collaboration, "850709-9862", "2026-01-12");
        await EnrolAsync(caseworker, collaboration, Number("19900315"), "2026-03-05"); // starts after February
        (await caseworker.PostAsJsonAsync($"/api/participants/{left}/exit", new { exitDate = "2026-02-15", outcome = "employment" })).EnsureSuccessStatusCode();
        foreach (var (date, hours) in new[] { ("2026-02-02", 6m), ("2026-02-20", 4.5m), ("2026-03-02", 8m) })
            (await caseworker.PostAsJsonAsync($"/api/participants/{stays}/hours", new { date, hours })).EnsureSuccessStatusCode();
        var admin = factory.ClientFor(Roles.Admin, owner);

        var response = await admin.GetAsync($"/api/participants/esf-file?collaborationId={collaboration}&month=2026-02&reason=ESF-rapport februari");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("identitetsnummer;identitetstyp;kon;kommun;startdatum;slutdatum;arbetsmarknadsstatus_vid_start;"
                     + "utbildningsniva_vid_start;ersattning_vid_start;timmar_i_manaden;utfall_vid_avslut;kvalifikation_vid_avslut", lines[0]);
        Assert.Equal(
        [
            "198112189876;personal-identity-number;man;0880;2026-01-10;2026-02-15;long-term-unemployed;upper-secondary-or-post-secondary;activity-support;0;employment;nej",
            "198507099862;personal-identity-number;woman;0880;2026-01-12;;long-term-unemployed;upper-secondary-or-post-secondary;activity-support;10.5;;",
        ], lines[1..]);
        var audited = await factory.WithDbAsync(db => db.IdentityAccessLog.Where(a => a.ParticipantId == left || a.ParticipantId == stays).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal("ESF-rapport februari", a.Reason));
    }

    [Fact]
    public async Task A_partners_admin_the_owners_caseworker_and_the_operator_are_refused_and_nothing_is_audited()
    {
        var collaboration = Guid.NewGuid();
        var owner = await factory.KnownActorAsync("Projektägaren");
        var partner = await factory.KnownActorAsync("Kommunen");
        await factory.MemberAsync(collaboration, owner);
        var participant = await EnrolAsync(factory.ClientFor(Roles.Caseworker, partner), collaboration, "811218-9876", "2026-01-10");
        var url = $"/api/participants/esf-file?collaborationId={collaboration}&month=2026-02";

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Admin, partner).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Caseworker, owner).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Operator).GetAsync(url)).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == participant)));
    }

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("month=2026-2-01", "month")]
    [InlineData("month=2099-01", "month")]
    [InlineData("", "month")]
    public async Task A_bad_month_is_400_naming_it(string query, string field)
    {
        var admin = factory.ClientFor(Roles.Admin, await factory.KnownActorAsync());
        await (await admin.GetAsync($"/api/participants/esf-file?collaborationId={Guid.NewGuid()}&{query}")).AssertNamesField(field);
    }

    private static async Task<Guid> EnrolAsync(HttpClient client, Guid collaboration, string number, string start)
    {
        var body = new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number, StartDate = start, ReferralDate = "2026-01-05" };
        var response = await client.EnrolAsync(body);
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A valid personnummer born on <paramref name="birthDate"/> (yyyyMMdd).</summary>
    private static string Number(string birthDate)
    {
        var nine = birthDate[2..] + "123";
        return birthDate + "123" + Luhn.CheckDigit(nine);
    }
}
