using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// The web UI's own frame as a person meets it through the gateway: signing in through the identity service and back,
/// only the workspaces of their role, a refused page explained, keyboard access to the content, signing out for real.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebSignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_who_opens_the_web_signs_in_at_the_identity_service_and_sees_their_name_and_only_their_roles_workspaces()
    {
        var (_, email, password) = await browser.PersonAsync(Roles.Caseworker, name: "Vera Webb");

        var page = await browser.SignedInPageAsync(email, password, "/logga-in"); // the start page's "Logga in"
        var diagnostics = new PageDiagnostics(page);
        await page.ReloadAsync(); // a second page of the session, after the access token's refresh

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Vera Webb");
        var workspaces = page.GetByRole(AriaRole.Navigation, new() { Name = "Arbetsytor" });
        await Assertions.Expect(workspaces.GetByRole(AriaRole.Link, new() { Name = "Handläggare" })).ToBeVisibleAsync();
        await Assertions.Expect(workspaces.GetByRole(AriaRole.Link)).ToHaveCountAsync(1); // not Samordnare, not Arbetsgivare
        await BrowserFixture.AssertAccessibleAsync(page, "The start page");
        Assert.True(diagnostics.Errors.Count == 0, diagnostics.ToString());
    }

    [Fact]
    public async Task A_page_of_another_roles_workspace_is_refused_with_an_explanation_in_Swedish()
    {
        var (_, email, password) = await browser.PersonAsync(Roles.Employer, name: "Arne Arbetsgivare");

        var page = await browser.SignedInPageAsync(email, password, "/samordnare");

        Assert.Equal("/ingen-behorighet", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The refusal page");
    }

    [Fact]
    public async Task The_skip_link_comes_first_in_the_tab_order_shows_when_focused_and_takes_keyboard_focus_to_the_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // The first element a Tab from the top of the document reaches (document order; nothing sets a positive tabindex).
        var first = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].find(e => e.tabIndex >= 0)?.textContent?.trim()");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await skip.FocusAsync();
        var box = await skip.BoundingBoxAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Hoppa till innehållet", first);
        Assert.True(box is { X: >= 0, Y: >= 0 }, $"the focused skip link should be on screen, not at {box?.X},{box?.Y}");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task An_unknown_address_gets_a_Swedish_page_that_says_so_with_status_404()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/finns-inte-alls");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The not-found page");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_identity_service_too_so_the_next_page_asks_for_the_password_again()
    {
        var (_, email, password) = await browser.PersonAsync(Roles.Coordinator, name: "Siv Utloggning");
        var page = await browser.SignedInPageAsync(email, password, "/logga-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();
        await page.GotoAsync("/samordnare");

        Assert.True(BrowserFixture.IsLoginPage(page.Url), $"after signing out, a workspace page should lead to the login page, not {page.Url}");
    }
}
