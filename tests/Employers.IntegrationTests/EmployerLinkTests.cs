using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// An employer's <c>actorId</c> decides whose login acts for it, and <c>ownerActorId</c> who owns the relationship:
/// only the owning agency's coordinators or admins, or the platform operator, change them (OWASP API5). Other staff
/// still keep the shared register's facts up to date.
/// </summary>
public sealed class EmployerLinkTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private static object Update(Guid owner, Guid? actorId, string name = "Kalmar Bygg AB") =>
        new { name, industryCode = "41200", municipalityCode = "0880", sizeBand = "small", ownerActorId = owner, actorId };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body)
    {
        var etag = (await client.GetAsync($"/api/employers/{id}")).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/employers/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Only_the_owning_agencys_coordinators_or_admins_or_the_operator_change_an_employers_login_or_owner()
    {
        var owner = await factory.KnownActorAsync();
        var other = await factory.KnownActorAsync("Kalmar kommun", ActorKind.Municipality);
        var login = await factory.KnownActorAsync("Bygg AB", ActorKind.Employer);
        var takeover = await factory.KnownActorAsync("Inkräktare AB", ActorKind.Employer);
        var id = await factory.RegisterEmployerAsync(owner, login);

        foreach (var (role, agency) in new[] { (Roles.Caseworker, other), (Roles.Coordinator, other), (Roles.Admin, other), (Roles.Caseworker, owner) })
        {
            var client = factory.ClientFor(role, agency);
            var actor = await PutAsync(client, id, Update(owner, takeover));
            Assert.True(actor.StatusCode == HttpStatusCode.Forbidden, $"{role} of {(agency == owner ? "the owner" : "another agency")} changed actorId: {(int)actor.StatusCode}");
            Assert.Equal("actorId", (await actor.ProblemAsync()).GetProperty("field").GetString());
            var unlinked = await PutAsync(client, id, Update(owner, null));
            Assert.Equal(HttpStatusCode.Forbidden, unlinked.StatusCode);
            var owned = await PutAsync(client, id, Update(other, login));
            Assert.Equal(HttpStatusCode.Forbidden, owned.StatusCode);
            Assert.Equal("ownerActorId", (await owned.ProblemAsync()).GetProperty("field").GetString());
        }
        var employer = await factory.ClientFor(Roles.Caseworker, owner).GetFromJsonAsync<JsonElement>($"/api/employers/{id}");
        Assert.Equal(login, employer.GetProperty("actorId").GetGuid());
        Assert.Equal(owner, employer.GetProperty("ownerActorId").GetGuid());

        // Any agency's staff still update the shared facts, leaving the login and the owner as they are.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(factory.ClientFor(Roles.Caseworker, other), id, Update(owner, login, "Kalmar Bygg och Mark AB"))).StatusCode);
        // The owner's coordinator relinks the login; the operator moves the relationship to another agency.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(factory.ClientFor(Roles.Coordinator, owner), id, Update(owner, takeover))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(factory.ClientFor(Roles.Operator, Guid.NewGuid()), id, Update(other, takeover))).StatusCode);
        // Now the new owner's admin may, the old owner's may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(factory.ClientFor(Roles.Admin, owner), id, Update(owner, takeover))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(factory.ClientFor(Roles.Admin, other), id, Update(other, login))).StatusCode);
    }

    [Fact]
    public async Task Registering_an_employer_with_a_login_needs_the_owning_agencys_coordinator_or_admin()
    {
        var agency = await factory.KnownActorAsync();
        var login = await factory.KnownActorAsync("Bygg AB", ActorKind.Employer);

        // A caseworker could otherwise claim a login not yet linked, and lock the real employer record out of it (409 later).
        var claimed = await factory.ClientFor(Roles.Caseworker, agency).PostAsJsonAsync("/api/employers", TestData.EmployerBody(agency, login));
        Assert.Equal(HttpStatusCode.Forbidden, claimed.StatusCode);
        Assert.Equal("actorId", (await claimed.ProblemAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, (await factory.ClientFor(Roles.Caseworker, agency).PostAsJsonAsync("/api/employers", TestData.EmployerBody(agency))).StatusCode);

        var linked = await factory.ClientFor(Roles.Coordinator, agency).PostAsJsonAsync("/api/employers", TestData.EmployerBody(agency, login));
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
    }
}
