using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public sealed class OutboxDispatchAndDocsTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task Employer_contact_and_offer_events_are_published_to_the_broker()
    {
        var agency = await factory.KnownActorAsync();
        var employerId = await factory.RegisterEmployerAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/employers/{employerId}/contacts", new
        {
            staffMember = "Anna", date = "2026-11-20", channel = "visit", purpose = "Besök",
        })).StatusCode);
        var offer = await staff.PublishOfferAsync(employerId);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/offers/{offer}/fill", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/offers/{offer}/close", null)).StatusCode);

        await Eventually.Until(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
            var rows = (await db.OutboxMessages.AsNoTracking().ToListAsync()).Where(m => m.Body.Contains(employerId.ToString())).ToList();
            // EmployerRegistered, ContactLogged, OfferPublished, OfferFilled, OfferClosed
            return rows.Count == 5 && rows.All(r => r.DispatchedAt != null);
        }, TimeSpan.FromSeconds(20), "the employer's five events to be confirmed by the broker");
    }

    [Fact]
    public async Task The_contact_window_comes_from_configuration()
    {
        using var narrow = factory.WithWebHostBuilder(b => b.UseSetting("Employers:ContactWindowDays", "3"));
        var af = await factory.KnownActorAsync("Arbetsförmedlingen");
        var kommun = await factory.KnownActorAsync("Borgholms kommun", Contracts.Actors.ActorKind.Municipality);
        var employer = await factory.RegisterEmployerAsync(af);
        await factory.ClientFor(Roles.Caseworker, af).PostAsJsonAsync($"/api/employers/{employer}/contacts", new
        {
            staffMember = "Anna", date = "2026-11-10", channel = "phone", purpose = "Uppföljning",
        });
        var client = narrow.CreateDefaultClient(factory.Identity.Tokens.Handler(Roles.Caseworker, kommun));

        var fiveDaysLater = await client.PostAsJsonAsync($"/api/employers/{employer}/contacts", new
        {
            staffMember = "Bo", date = "2026-11-15", channel = "phone", purpose = "Praktik",
        });
        var threeDaysLater = await client.PostAsJsonAsync($"/api/employers/{employer}/contacts", new
        {
            staffMember = "Bo", date = "2026-11-13", channel = "phone", purpose = "Praktik",
        });

        Assert.Empty((await fiveDaysLater.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Single((await threeDaysLater.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Every_resource_is_documented() => await OpenApiCoverage.AssertEveryApiRouteIsDocumentedAsync(factory);
}
