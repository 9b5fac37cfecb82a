using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public sealed class OffersTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private async Task<(Guid EmployerId, Guid EmployerActor, Guid Agency)> EmployerWithUserAsync()
    {
        var agency = await factory.KnownActorAsync();
        var employerActor = await factory.KnownActorAsync("Bygg AB", ActorKind.Employer);
        var employerId = await factory.RegisterEmployerAsync(agency, employerActor);
        return (employerId, employerActor, agency);
    }

    [Fact]
    public async Task An_employer_publishes_an_offer_for_its_own_organisation_and_reads_it_back()
    {
        var (employerId, employerActor, _) = await EmployerWithUserAsync();
        var client = factory.ClientFor(Roles.Employer, employerActor);

        var response = await client.PostAsJsonAsync("/api/offers", TestData.OfferBody(employerId: null, kind: "work-trial"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(employerId, created.GetProperty("employerId").GetGuid());
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal(employerActor, created.GetProperty("publishedByActorId").GetGuid());
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/offers/{id}");
        Assert.Equal("work-trial", read.GetProperty("kind").GetString());
        Assert.Equal("basic", read.GetProperty("requirements").GetProperty("swedishLevel").GetString());
        Assert.True(read.GetProperty("requirements").GetProperty("drivingLicence").GetBoolean());
        Assert.Equal("truckkort", read.GetProperty("requirements").GetProperty("skills")[0].GetString());
        Assert.Equal(2, read.GetProperty("places").GetInt32());
        Assert.Equal("2026-12-01", read.GetProperty("startDate").GetString());
        Assert.Contains(await factory.OutboxBodiesAsync("OfferPublished"), b => b.Contains(id.ToString()));
    }

    [Fact]
    public async Task Agency_staff_publish_on_an_employers_behalf()
    {
        var (employerId, _, agency) = await EmployerWithUserAsync();

        var response = await factory.ClientFor(Roles.Caseworker, agency).PostAsJsonAsync("/api/offers", TestData.OfferBody(employerId, "subsidised-job"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(agency, created.GetProperty("publishedByActorId").GetGuid());
        Assert.Equal("subsidised-job", created.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_employer_cannot_publish_for_another_organisation_404()
    {
        var (_, mineActor, _) = await EmployerWithUserAsync();
        var (theirs, _, _) = await EmployerWithUserAsync();

        var response = await factory.ClientFor(Roles.Employer, mineActor).PostAsJsonAsync("/api/offers", TestData.OfferBody(theirs));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(await factory.OutboxBodiesAsync("OfferPublished"), b => b.Contains(theirs.ToString()));
    }

    [Fact]
    public async Task An_employer_token_without_an_employer_record_cannot_publish()
    {
        var response = await factory.ClientFor(Roles.Employer).PostAsJsonAsync("/api/offers", TestData.OfferBody());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_employer_cannot_read_fill_or_close_another_employers_offer_404()
    {
        var (mine, mineActor, _) = await EmployerWithUserAsync();
        var (theirs, theirActor, _) = await EmployerWithUserAsync();
        var theirOffer = await factory.ClientFor(Roles.Employer, theirActor).PublishOfferAsync(theirs);
        var myOffer = await factory.ClientFor(Roles.Employer, mineActor).PublishOfferAsync(mine);
        var me = factory.ClientFor(Roles.Employer, mineActor);

        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/offers/{theirOffer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync($"/api/offers/{theirOffer}/fill", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync($"/api/offers/{theirOffer}/close", null)).StatusCode);
        var list = await me.GetFromJsonAsync<JsonElement>($"/api/offers?employerId={theirs}");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        var mineList = await me.GetFromJsonAsync<JsonElement>("/api/offers");
        Assert.Equal(myOffer, Assert.Single(mineList.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var theirRead = await factory.ClientFor(Roles.Employer, theirActor).GetFromJsonAsync<JsonElement>($"/api/offers/{theirOffer}");
        Assert.Equal("open", theirRead.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offer_moves_open_filled_closed_with_events_and_refuses_going_back()
    {
        var (employerId, employerActor, agency) = await EmployerWithUserAsync();
        var employer = factory.ClientFor(Roles.Employer, employerActor);
        var id = await employer.PublishOfferAsync(null);

        var filled = await employer.PostAsync($"/api/offers/{id}/fill", null);
        var fillAgain = await employer.PostAsync($"/api/offers/{id}/fill", null);
        var closed = await factory.ClientFor(Roles.Caseworker, agency).PostAsync($"/api/offers/{id}/close", null);
        var closeAgain = await employer.PostAsync($"/api/offers/{id}/close", null);

        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Equal("filled", (await filled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, fillAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closedBody = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", closedBody.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, closedBody.GetProperty("filledAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, closeAgain.StatusCode);
        Assert.Single(await factory.OutboxBodiesAsync("OfferFilled"), b => b.Contains(id.ToString()));
        var closedEvent = Assert.Single(await factory.OutboxBodiesAsync("OfferClosed"), b => b.Contains(id.ToString()));
        Assert.True(JsonDocument.Parse(closedEvent).RootElement.GetProperty("wasFilled").GetBoolean());
        Assert.Contains(employerId.ToString(), closedEvent);
    }

    [Fact]
    public async Task An_open_offer_can_be_withdrawn_and_then_not_filled()
    {
        var (employerId, _, agency) = await EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Coordinator, agency);
        var id = await staff.PublishOfferAsync(employerId);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/offers/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/offers/{id}/fill", null)).StatusCode);
        var closedEvent = Assert.Single(await factory.OutboxBodiesAsync("OfferClosed"), b => b.Contains(id.ToString()));
        Assert.False(JsonDocument.Parse(closedEvent).RootElement.GetProperty("wasFilled").GetBoolean());
    }

    [Fact]
    public async Task Staff_filter_offers_by_status_and_kind()
    {
        var (employerId, _, agency) = await EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var id = await staff.PublishOfferAsync(employerId);

        var open = await staff.GetFromJsonAsync<JsonElement>($"/api/offers?employerId={employerId}&status=open&kind=internship&occupation=7119&municipality=0880");
        var filled = await staff.GetFromJsonAsync<JsonElement>($"/api/offers?employerId={employerId}&status=filled");

        Assert.Equal(id, Assert.Single(open.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(filled.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/offers?status=pending")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/offers?occupation=71")).StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"kind":"internship","occupationCode":"711","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40}""", "occupationCode" },
        { """{"kind":"apprenticeship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40}""", "kind" },
        { """{"kind":"internship","occupationCode":"7119","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40}""", "title" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"9999","places":1,"startDate":"2026-12-01","hoursPerWeek":40}""", "municipalityCode" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":0,"startDate":"2026-12-01","hoursPerWeek":40}""", "places" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"hoursPerWeek":40}""", "startDate" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":0}""", "hoursPerWeek" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40,"requirements":{"swedishLevel":"klingon"}}""", "requirements.swedishLevel" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40,"requirements":{"skills":[""]}}""", "requirements.skills[0]" },
        { """{"kind":"internship","occupationCode":"7119","title":"T","municipalityCode":"0880","places":1,"startDate":"2026-12-01","hoursPerWeek":40,"supervisorCapacity":0}""", "supervisorCapacity" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_offer_body_is_400_naming_the_field(string body, string field)
    {
        var (_, employerActor, _) = await EmployerWithUserAsync();

        var response = await factory.ClientFor(Roles.Employer, employerActor)
            .PostAsync("/api/offers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task Staff_must_name_a_registered_employer()
    {
        var agency = await factory.KnownActorAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);

        var missing = await staff.PostAsJsonAsync("/api/offers", TestData.OfferBody());
        var unknown = await staff.PostAsJsonAsync("/api/offers", TestData.OfferBody(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Problems.AssertNamesField(await missing.ProblemAsync(), "employerId");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Problems.AssertNamesField(await unknown.ProblemAsync(), "employerId");
    }
}
