using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>People: code + PKCE through the Swedish login page, refresh tokens, lockout, password rules, who manages whom.</summary>
public sealed class PeopleTests
{
    [Fact]
    public async Task A_person_signs_in_with_code_and_PKCE_and_gets_tokens_naming_their_agency_and_role_and_a_refresh_token_that_works()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));
        var (email, password) = await IdentityApi.CreatePersonAsync(admin, agency, Roles.Caseworker);
        var (clientId, redirect) = await IdentityApi.InteractiveClientAsync(identity);
        using var person = new PersonSignIn(identity.Authority);

        var signedIn = await person.SignInAsync(clientId, redirect, email, password);
        var refreshed = await person.RefreshAsync(clientId, signedIn.RefreshToken!);

        foreach (var token in new[] { signedIn.AccessToken, refreshed.AccessToken })
        {
            var claims = IdentityApi.Claims(token);
            Assert.Equal(agency.ToString(), claims.GetProperty("agency").GetString());
            Assert.Equal(Roles.Caseworker, claims.GetProperty("role").GetString());
            Assert.Contains("participants", claims.GetProperty("aud").EnumerateArray().Select(a => a.GetString()));
        }
        Assert.Equal(Roles.Caseworker, IdentityApi.Claims(signedIn.IdToken!).GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_authorization_request_without_PKCE_is_refused()
    {
        var identity = await IdentityProcess.GetAsync();
        var (clientId, redirect) = await IdentityApi.InteractiveClientAsync(identity);
        using var browser = new TestBrowser();

        var response = await browser.GetAsync(new Uri(identity.Authority,
            $"connect/authorize?client_id={clientId}&response_type=code&redirect_uri={Uri.EscapeDataString(redirect.ToString())}&scope=openid&state=s"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_person_who_signs_in_on_the_login_page_alone_sees_who_they_are_and_can_sign_out()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));
        var (email, password) = await IdentityApi.CreatePersonAsync(admin, agency, Roles.Coordinator);
        using var browser = new TestBrowser();
        var loginUri = new Uri(identity.Authority, "account/login");

        var page = await browser.GetAsync(loginUri);
        var posted = await browser.PostFormAsync(loginUri, await page.Content.ReadAsStringAsync(), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        var signedIn = await browser.FollowAsync(posted, "the login to lead to the signed-in page");
        var html = await signedIn.Content.ReadAsStringAsync();
        var loggedOut = await browser.PostFormAsync(signedIn.RequestMessage!.RequestUri!, html, "/account/logout", new Dictionary<string, string>());
        var afterwards = await browser.GetAsync(new Uri(identity.Authority, "account/signed-in"));

        Assert.Contains("Du är inloggad", html);
        Assert.Contains(email, html);
        Assert.Contains(agency.ToString(), html);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal("/account/login", TestBrowser.Location(afterwards, "the signed-out person to be sent to the login page").AbsolutePath);
    }

    [Fact]
    public async Task The_login_page_is_Swedish_and_never_sends_a_person_to_another_site()
    {
        var identity = await IdentityProcess.GetAsync();
        using var browser = new TestBrowser();

        var page = await browser.GetAsync(new Uri(identity.Authority, "account/login?returnUrl=" + Uri.EscapeDataString("https://evil.example/connect/authorize?x")));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("<label for=\"password\">Lösenord</label>", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));
        var (email, password) = await IdentityApi.CreatePersonAsync(admin, agency, Roles.Coordinator);
        using var browser = new TestBrowser();
        var loginUri = new Uri(identity.Authority, "account/login");

        async Task<HttpResponseMessage> TryAsync(string attempt)
        {
            var page = await browser.GetAsync(loginUri);
            return await browser.PostFormAsync(loginUri, await page.Content.ReadAsStringAsync(), "/account/login",
                new Dictionary<string, string> { ["email"] = email, ["password"] = attempt });
        }

        for (var i = 0; i < 4; i++)
            Assert.Contains("Fel e-postadress eller lösenord.", await (await TryAsync("fel-lösenord-" + i)).Content.ReadAsStringAsync());
        var fifth = await (await TryAsync("fel-lösenord-5")).Content.ReadAsStringAsync();
        var right = await TryAsync(password);

        Assert.Contains("Kontot är låst", fifth);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("Kontot är låst", await right.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("kort-lösen", "minst 15 tecken")]
    [InlineData("lösenordlösenord", "för vanligt")]
    [InlineData("sommar2026sommar2026!", "för vanligt")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa", "upprepade")]
    public async Task A_weak_password_is_refused_with_the_reason_on_the_password_field(string password, string reason)
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));

        var response = await admin.PostAsJsonAsync("/api/identity/users",
            new { email = $"p{Guid.NewGuid():N}@test.samverkan.se", displayName = "Per", agencyId = agency, role = Roles.Caseworker, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task A_long_uncommon_password_with_no_digits_or_symbols_is_accepted()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));

        var response = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            email = $"p{Guid.NewGuid():N}@test.samverkan.se", displayName = "Per", agencyId = agency, role = Roles.Caseworker,
            password = "korrekt häst batteri häftklammer",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_manages_its_own_agencys_people_only_and_the_operator_manages_admins_only()
    {
        var identity = await IdentityProcess.GetAsync();
        var agencyA = Guid.NewGuid();
        var agencyB = Guid.NewGuid();
        using var adminA = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agencyA));
        using var op = await IdentityApi.AsOperatorAsync(identity);
        object Person(Guid agency, string role) => new
        {
            email = $"p{Guid.NewGuid():N}@test.samverkan.se", displayName = "Per", agencyId = agency, role, password = "blå-båt-på-sjön-" + Guid.NewGuid().ToString("N")[..8],
        };

        var ownCaseworker = await adminA.PostAsJsonAsync("/api/identity/users", Person(agencyA, Roles.Caseworker));
        var otherCaseworker = await adminA.PostAsJsonAsync("/api/identity/users", Person(agencyB, Roles.Caseworker));
        var operatorMakesAdminB = await op.PostAsJsonAsync("/api/identity/users", Person(agencyB, Roles.Admin));
        var operatorMakesCaseworker = await op.PostAsJsonAsync("/api/identity/users", Person(agencyB, Roles.Caseworker));
        var adminBId = (await operatorMakesAdminB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var listedByA = await adminA.GetFromJsonAsync<JsonElement>("/api/identity/users");
        var removeBsAdmin = await adminA.DeleteAsync($"/api/identity/users/{adminBId}");

        Assert.Equal(HttpStatusCode.Created, ownCaseworker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCaseworker.StatusCode);
        Assert.Equal(HttpStatusCode.Created, operatorMakesAdminB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorMakesCaseworker.StatusCode);
        Assert.All(listedByA.EnumerateArray(), u => Assert.Equal(agencyA, u.GetProperty("agencyId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, removeBsAdmin.StatusCode);
    }
}
