using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>
/// The seam for SITHS and BankID/Freja: an upstream OpenID Connect provider added by configuration only. A second
/// identity service plays the upstream; a person signs in there and arrives as the account an admin linked to the
/// upstream subject, with that account's agency and role.
/// </summary>
public sealed partial class FederationTests
{
    [Fact]
    public async Task A_person_signs_in_through_an_upstream_provider_and_gets_the_linked_accounts_agency_and_role()
    {
        // Two host names, so each service keeps its own cookies in the one browser, as two sites would.
        await using var upstream = await IdentityProcess.StartNewAsync(authority: new Uri($"http://localhost:{IdentityProcess.FreePort()}/"));
        var downstreamAuthority = new Uri($"http://127.0.0.1:{IdentityProcess.FreePort()}/");
        var (upstreamClient, _) = await IdentityApi.InteractiveClientAsync(upstream, new Uri(downstreamAuthority, "account/callback"));
        using var upstreamOperator = await IdentityApi.AsOperatorAsync(upstream);
        var (email, password, upstreamSubject) = await IdentityApi.CreatePersonWithIdAsync(upstreamOperator, Guid.NewGuid(), Roles.Admin);

        await using var downstream = await IdentityProcess.StartNewAsync(new Dictionary<string, string>
        {
            ["Identity__ExternalProviders__upstream__Authority"] = upstream.Authority.ToString(),
            ["Identity__ExternalProviders__upstream__ClientId"] = upstreamClient,
            ["Identity__ExternalProviders__upstream__DisplayName"] = "SITHS (test)",
        }, authority: downstreamAuthority);
        var agency = Guid.NewGuid();
        using var downstreamOperator = await IdentityApi.AsOperatorAsync(downstream);
        var linked = await downstreamOperator.PostAsJsonAsync("/api/identity/users", new
        {
            email = $"federerad.{Guid.NewGuid():N}@test.samverkan.se", displayName = "Fia Federerad", agencyId = agency, role = Roles.Admin,
            externalLogins = new[] { new { provider = "upstream", subject = upstreamSubject.ToString() } },
        });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var (appClient, appRedirect) = await IdentityApi.InteractiveClientAsync(downstream);

        using var person = new PersonSignIn(downstreamAuthority);
        var browser = person.Browser;
        var (authorize, verifier, state) = PersonSignIn.AuthorizationRequest(downstreamAuthority, appClient, appRedirect);
        var loginPage = await browser.FollowAsync(await browser.GetAsync(authorize), "the login page");
        var html = await loginPage.Content.ReadAsStringAsync();
        var button = ExternalButton().Match(html);
        Assert.True(button.Success, "The login page offers the upstream provider: " + html);
        Assert.Contains("Logga in med SITHS (test)", html);

        var toUpstream = await browser.FollowAsync(await browser.GetAsync(new Uri(downstreamAuthority, WebUtility.HtmlDecode(button.Groups["href"].Value))),
            "the downstream service to send the person to the upstream provider");
        Assert.Equal(upstream.Authority.Authority, toUpstream.RequestMessage!.RequestUri!.Authority);
        var upstreamLogin = await browser.FollowAsync(toUpstream, "the upstream login page");
        var posted = await browser.PostFormAsync(upstreamLogin.RequestMessage!.RequestUri!, await upstreamLogin.Content.ReadAsStringAsync(), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        var upstreamAuthorize = await browser.FollowAsync(posted, "the upstream login to return to its authorization endpoint");
        var callback = await browser.FollowAsync(upstreamAuthorize, "the upstream provider to send the person back with a code");
        var downstreamAuthorize = await browser.FollowAsync(callback, "the downstream callback to sign the linked account in");
        var tokens = await person.ExchangeAsync(downstreamAuthorize, appClient, appRedirect, verifier, state);

        var claims = IdentityApi.Claims(tokens.AccessToken);
        Assert.Equal(agency.ToString(), claims.GetProperty("agency").GetString());
        Assert.Equal(Roles.Admin, claims.GetProperty("role").GetString());
        Assert.Equal(downstreamAuthority.ToString(), claims.GetProperty("iss").GetString());
    }

    [GeneratedRegex("""href="(?<href>/account/external/[^"]+)""")]
    private static partial Regex ExternalButton();
}
