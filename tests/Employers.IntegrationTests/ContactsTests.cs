using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public sealed class ContactsTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private static object Contact(DateOnly date, string channel = "phone") => new
    {
        staffMember = "Anna Andersson", date = date.ToString("yyyy-MM-dd"), channel, purpose = "Praktikplatser hösten", notes = "Positiv", nextStep = "Återkom v. 40",
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Another_agency_within_the_window_is_warned_about_with_who_and_when()
    {
        var af = await factory.KnownActorAsync("Arbetsförmedlingen");
        var kommun = await factory.KnownActorAsync("Kalmar kommun", Contracts.Actors.ActorKind.Municipality);
        var employer = await factory.RegisterEmployerAsync(af);
        var first = await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today.AddDays(-10)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Empty((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());

        var second = await factory.ClientFor(Roles.Caseworker, kommun).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today, "visit"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(af, warning.GetProperty("actorId").GetGuid());
        Assert.Equal("Arbetsförmedlingen", warning.GetProperty("actorName").GetString());
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd"), warning.GetProperty("date").GetString());
        Assert.Equal(kommun, body.GetProperty("contact").GetProperty("actorId").GetGuid());
    }

    [Fact]
    public async Task Planning_a_contact_warns_about_a_recent_one_and_is_marked_planned()
    {
        var af = await factory.KnownActorAsync("Arbetsförmedlingen");
        var fk = await factory.KnownActorAsync("Försäkringskassan", Contracts.Actors.ActorKind.SocialInsurance);
        var employer = await factory.RegisterEmployerAsync(af);
        await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today));

        var planned = await factory.ClientFor(Roles.Coordinator, fk).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today.AddDays(14), "meeting"));

        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var body = await planned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("contact").GetProperty("planned").GetBoolean());
        Assert.Equal(af, Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetProperty("actorId").GetGuid());
    }

    [Fact]
    public async Task Same_agency_and_contacts_outside_the_window_do_not_warn()
    {
        var af = await factory.KnownActorAsync("Arbetsförmedlingen");
        var kommun = await factory.KnownActorAsync("Nybro kommun", Contracts.Actors.ActorKind.Municipality);
        var employer = await factory.RegisterEmployerAsync(af);
        await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today.AddDays(-15)));

        var again = await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today));
        var other = await factory.ClientFor(Roles.Caseworker, kommun).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today.AddDays(-30)));

        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Empty((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task The_log_is_shared_between_agencies_and_its_event_carries_no_names()
    {
        var af = await factory.KnownActorAsync("Arbetsförmedlingen");
        var kommun = await factory.KnownActorAsync("Kalmar kommun", Contracts.Actors.ActorKind.Municipality);
        var employer = await factory.RegisterEmployerAsync(af);
        var logged = await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", Contact(Today.AddDays(-1), "email"));
        var contactId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contact").GetProperty("id").GetGuid();

        var list = await factory.ClientFor(Roles.Caseworker, kommun).GetFromJsonAsync<JsonElement>($"/api/employers/{employer}/contacts");

        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        var one = await factory.ClientFor(Roles.Coordinator, kommun).GetFromJsonAsync<JsonElement>(logged.Headers.Location);
        Assert.Equal(contactId, one.GetProperty("id").GetGuid());
        Assert.Equal("Arbetsförmedlingen", entry.GetProperty("actorName").GetString());
        Assert.Equal("Anna Andersson", entry.GetProperty("staffMember").GetString());
        Assert.Equal("email", entry.GetProperty("channel").GetString());
        Assert.Equal("Återkom v. 40", entry.GetProperty("nextStep").GetString());
        var body = Assert.Single(await factory.OutboxBodiesAsync("ContactLogged"), b => b.Contains(contactId.ToString()));
        Assert.DoesNotContain("Anna", body);
        Assert.DoesNotContain("Positiv", body);
        var loggedEvent = JsonDocument.Parse(body).RootElement;
        Assert.Equal("email", loggedEvent.GetProperty("channel").GetString());
        Assert.Equal(af, loggedEvent.GetProperty("actorId").GetGuid());
        Assert.False(loggedEvent.GetProperty("planned").GetBoolean());
        Assert.False(loggedEvent.TryGetProperty("staffMember", out _));
    }

    [Fact]
    public async Task Employers_do_not_see_the_contact_log_and_unknown_employers_are_404()
    {
        var af = await factory.KnownActorAsync();
        var employerActor = await factory.KnownActorAsync("Bygg AB", Contracts.Actors.ActorKind.Employer);
        var employer = await factory.RegisterEmployerAsync(af, employerActor);

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, employerActor).GetAsync($"/api/employers/{employer}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, af).GetAsync($"/api/employers/{Guid.NewGuid()}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{Guid.NewGuid()}/contacts", Contact(Today))).StatusCode);
    }

    [Theory]
    [InlineData("""{"date":"2026-11-01","channel":"phone","purpose":"P"}""", "staffMember")]
    [InlineData("""{"staffMember":"A","channel":"phone","purpose":"P"}""", "date")]
    [InlineData("""{"staffMember":"A","date":"2026-13-01","channel":"phone","purpose":"P"}""", "date")]
    [InlineData("""{"staffMember":"A","date":"2026-11-01","channel":"pigeon","purpose":"P"}""", "channel")]
    [InlineData("""{"staffMember":"A","date":"2026-11-01","channel":"phone"}""", "purpose")]
    public async Task Bad_contact_body_is_400_naming_the_field(string body, string field)
    {
        var af = await factory.KnownActorAsync();
        var employer = await factory.RegisterEmployerAsync(af);

        var response = await factory.ClientFor(Roles.Caseworker, af)
            .PostAsync($"/api/employers/{employer}/contacts", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }
}
