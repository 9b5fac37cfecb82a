using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public sealed class EmployersTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task Registered_employer_is_normalised_read_back_and_its_event_is_in_the_outbox()
    {
        var owner = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, owner);
        var orgNumber = TestData.NewOrganisationNumber();

        var response = await client.PostAsJsonAsync("/api/employers", TestData.EmployerBody(owner, organisationNumber: orgNumber[..6] + "-" + orgNumber[6..]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/employers/{id}");
        Assert.Equal(orgNumber, read.GetProperty("organisationNumber").GetString());
        Assert.Equal("41200", read.GetProperty("industryCode").GetString());
        Assert.Equal("small", read.GetProperty("sizeBand").GetString());
        Assert.Equal("Kalmar", read.GetProperty("municipalityName").GetString());
        Assert.Equal(owner, read.GetProperty("ownerActorId").GetGuid());
        var events = await factory.OutboxBodiesAsync("EmployerRegistered");
        var body = Assert.Single(events, e => e.Contains(id.ToString()));
        Assert.DoesNotContain("Eva Ek", body); // contact persons never travel in events
    }

    [Fact]
    public async Task A_second_employer_with_the_same_organisationsnummer_is_a_conflict()
    {
        var owner = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var orgNumber = TestData.NewOrganisationNumber();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/employers", TestData.EmployerBody(owner, organisationNumber: orgNumber))).StatusCode);

        var again = await client.PostAsJsonAsync("/api/employers", TestData.EmployerBody(owner, organisationNumber: orgNumber[..6] + "-" + orgNumber[6..]));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("organisationNumber", (await again.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_actor_linked_to_two_employers_is_a_conflict()
    {
        var owner = await factory.KnownActorAsync();
        var employerActor = await factory.KnownActorAsync("Bygg AB", Contracts.Actors.ActorKind.Employer);
        await factory.RegisterEmployerAsync(owner, employerActor);

        var again = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync("/api/employers", TestData.EmployerBody(owner, employerActor));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("actorId", (await again.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Owner_defaults_to_the_callers_agency()
    {
        var agency = await factory.KnownActorAsync("Kalmar kommun AME", Contracts.Actors.ActorKind.Municipality);
        var body = JsonSerializer.SerializeToNode(TestData.EmployerBody(agency))!.AsObject();
        body.Remove("ownerActorId");

        var response = await factory.ClientFor(Roles.Caseworker, agency).PostAsJsonAsync("/api/employers", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(agency, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerActorId").GetGuid());
    }

    [Fact]
    public async Task Update_needs_the_current_etag_and_replaces_the_facts()
    {
        var owner = await factory.KnownActorAsync();
        var newOwner = await factory.KnownActorAsync("Försäkringskassan", Contracts.Actors.ActorKind.SocialInsurance);
        var id = await factory.RegisterEmployerAsync(owner);
        var client = factory.ClientFor(Roles.Coordinator, owner); // a change of owner: the owning agency's coordinator
        var read = await client.GetAsync($"/api/employers/{id}");
        var etag = read.Headers.ETag!.Tag;
        var update = new { name = "Kalmar Bygg & Montage AB", industryCode = "43210", municipalityCode = "0861", sizeBand = "medium", ownerActorId = newOwner };

        var withoutEtag = await client.PutAsJsonAsync($"/api/employers/{id}", update);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/employers/{id}") { Content = JsonContent.Create(update) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await client.SendAsync(request);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/employers/{id}") { Content = JsonContent.Create(update) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleResponse = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutEtag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("medium", body.GetProperty("sizeBand").GetString());
        Assert.Equal(newOwner, body.GetProperty("ownerActorId").GetGuid());
        Assert.Equal("Mönsterås", body.GetProperty("municipalityName").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
    }

    [Fact]
    public async Task An_employer_user_sees_only_its_own_employer_record()
    {
        var owner = await factory.KnownActorAsync();
        var mineActor = await factory.KnownActorAsync("Min AB", Contracts.Actors.ActorKind.Employer);
        var mine = await factory.RegisterEmployerAsync(owner, mineActor);
        var theirs = await factory.RegisterEmployerAsync(owner);
        var employer = factory.ClientFor(Roles.Employer, mineActor);

        Assert.Equal(HttpStatusCode.OK, (await employer.GetAsync($"/api/employers/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync($"/api/employers/{theirs}")).StatusCode);
        var list = await employer.GetFromJsonAsync<JsonElement>("/api/employers");
        Assert.Equal(mine, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync("/api/employers", TestData.EmployerBody(owner))).StatusCode);
    }

    [Fact]
    public async Task Staff_can_filter_the_register()
    {
        var owner = await factory.KnownActorAsync();
        var id = await factory.RegisterEmployerAsync(owner);
        var client = factory.ClientFor(Roles.Caseworker, owner);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/employers?municipality=0880&industry=41.200&sizeBand=small&pageSize=200");

        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/employers?sizeBand=huge")).StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"name":"X","industryCode":"62010","municipalityCode":"0880",""", "$" },
        { """{"name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small"}""", "organisationNumber" },
        { """{"organisationNumber":"556016-0681","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small"}""", "organisationNumber" },
        { """{"organisationNumber":"811218-9876","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small"}""", "organisationNumber" },
        { """{"organisationNumber":"556016-0680","industryCode":"62010","municipalityCode":"0880","sizeBand":"small"}""", "name" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"6201","municipalityCode":"0880","sizeBand":"small"}""", "industryCode" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","municipalityCode":"1299","sizeBand":"small"}""", "municipalityCode" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","sizeBand":"small"}""", "municipalityCode" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"huge"}""", "sizeBand" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small","contacts":[{"name":"A"}]}""", "contacts[0].email" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small","ownerActorId":"7f1c8f5e-0000-0000-0000-000000000001"}""", "ownerActorId" },
        { """{"organisationNumber":"556016-0680","name":"X","industryCode":"62010","municipalityCode":"0880","sizeBand":"small","actorId":"7f1c8f5e-0000-0000-0000-000000000002"}""", "actorId" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_employer_body_is_400_naming_the_field(string body, string field)
    {
        var agency = await factory.KnownActorAsync();
        var response = await factory.ClientFor(Roles.Caseworker, agency)
            .PostAsync("/api/employers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task A_caller_whose_agency_is_not_a_known_actor_must_name_a_known_owner()
    {
        var response = await factory.ClientFor(Roles.Caseworker).PostAsJsonAsync("/api/employers", new
        {
            organisationNumber = TestData.NewOrganisationNumber(), name = "X AB", industryCode = "62010", municipalityCode = "0880", sizeBand = "micro",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "ownerActorId");
    }
}
