using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;
using Xunit.Abstractions;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// The identity service's login page as a person meets it, through the gateway in a real browser: accessible (axe, WCAG
/// 2.1 AA), in Swedish, and signing in or refusing as it should. Until the web UI exists, its signed-in page is the
/// journey's end (/account/signed-in).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string LoginPath = "/account/login";
    private const string SignedInPath = "/account/signed-in";

    [Fact]
    public async Task The_login_page_is_in_Swedish_and_has_no_serious_accessibility_violation()
    {
        var page = await browser.NewPageAsync();
        var diagnostics = new PageDiagnostics(page);

        var response = await page.GotoAsync(LoginPath);
        await BrowserFixture.ScreenshotAsync(page, "login");

        Assert.True(response is { Status: 200 }, $"GET {LoginPath}: {response?.Status}\n{diagnostics}");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The login page");
        Assert.True(diagnostics.Errors.Count == 0, diagnostics.ToString());
    }

    [Fact]
    public async Task A_person_signs_in_on_the_login_page_and_sees_who_they_are_on_an_accessible_page()
    {
        var (agency, email, password) = await browser.PersonAsync(Roles.Caseworker, name: "Hedda Handläggare");

        var page = await browser.SignedInPageAsync(email, password, LoginPath);
        await BrowserFixture.ScreenshotAsync(page, "signed-in");

        Assert.Equal(SignedInPath, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du är inloggad" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hedda Handläggare");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(agency.ToString());
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page, "The signed-in page");
        foreach (var cookie in await page.Context.CookiesAsync()) // what the web UI shares the gateway's host with
            output.WriteLine($"cookie {cookie.Name}: domain {cookie.Domain}, path {cookie.Path}, httpOnly {cookie.HttpOnly}, sameSite {cookie.SameSite}, secure {cookie.Secure}");
    }

    /// <summary>Each kind of person the fixture makes (the operator's admin, the admin's staff, an employer's user) signs in.</summary>
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Employer)]
    public async Task Every_role_the_fixture_makes_signs_in(string role)
    {
        var (agency, email, password) = await browser.PersonAsync(role, name: $"Prov {role}");

        var page = await browser.SignedInPageAsync(email, password, LoginPath);

        Assert.Equal(SignedInPath, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(role);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(agency.ToString());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Swedish_and_the_person_stays_on_the_login_page()
    {
        var (_, email, _) = await browser.PersonAsync(Roles.Coordinator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(LoginPath);

        await BrowserFixture.SubmitLoginAsync(page, email, "fel-lösenord-som-är-långt-nog");

        var error = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(error).ToHaveTextAsync("Fel e-postadress eller lösenord.");
        Assert.Equal(LoginPath, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("input[name=email]")).ToHaveValueAsync(email);
        await Assertions.Expect(page.Locator("input[name=password]")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password");
        await BrowserFixture.AssertAccessibleAsync(page, "The login page with an error");
    }
}
