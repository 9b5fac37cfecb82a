using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samverkan.Platform.EndToEndTests;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// One whole platform (Aspire's test host, <see cref="TestPlatform"/>) and one headless Chromium, shared by the browser
/// tests of the collection: people to sign in as, a signed-in page, and what a page is checked for (axe, screenshots).
/// The browser is the system's own (Debian's chromium, scripts/infra.sh); Playwright never downloads one.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";
    /// <summary>How long a page may take to arrive somewhere: Playwright's auto-waits and expectations use it.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The flags this machine's closed network needs: Chromium's background connections (updates, sync, QUIC probes) are
    /// refused here and would otherwise slow or disturb every start. --no-sandbox: the tests may run as root.
    /// </summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what the issue asks every page to pass.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _operator;

    public TestPlatform Platform { get; private set; } = null!;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");
    public Uri Gateway => Platform.Gateway;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout((float)Deadline.TotalMilliseconds);
        // Access tokens of one minute: the web renews a person's token when it has less than two minutes left, so every
        // page of every journey goes through the refresh (TokenRefresh) — a session that outlives its token is the norm.
        Platform = await TestPlatform.StartAsync("web", settings: new Dictionary<string, string> { ["Identity:AccessTokenMinutes"] = "1" });
        _operator = Platform.ClientFor(Roles.Operator);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true, Args = ChromiumArgs, Timeout = (float)Deadline.TotalMilliseconds,
        });
    }

    /// <summary>The browser to drive: SAMVERKAN_CHROMIUM if set, else Debian's /usr/bin/chromium.</summary>
    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("SAMVERKAN_CHROMIUM") is { Length: > 0 } set ? set : DefaultChromium;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"No Chromium at {path}. Install it with `bash scripts/infra.sh` (Debian's chromium package), or name another with SAMVERKAN_CHROMIUM.");
        return path;
    }

    // ---- people and agencies, made as the operator and the agency's admin would ----

    /// <summary>An agency (a municipality) registered by the operator in Actors, and so known to the other services.</summary>
    public async Task<Guid> AgencyAsync(string name = "Testkommun")
    {
        var created = await ReadJsonAsync(await _operator!.PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "municipality",
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A collaboration <paramref name="agency"/> owns, made by its coordinator (who may create one; a caseworker may not),
    /// tried until Actors knows the agency; with <paramref name="participants"/> as its target, half women, half men.
    /// </summary>
    public async Task<Guid> CollaborationAsync(Guid agency, string name, string municipality = "0880", int participants = 100)
    {
        using var coordinator = Platform.ClientFor(Roles.Coordinator, agency);
        var created = await Eventually.Until(() => coordinator.PostAsJsonAsync("/api/collaborations", new
            {
                name, purpose = "Fler i arbete eller studier", targetGroups = new[] { "long-term-unemployed" },
                geography = new[] { municipality }, startDate = "2026-01-01", endDate = "2027-12-31",
                financing = new { source = "esf-plus", budget = 1_000_000 },
                targets = new { participants = new { total = participants, women = participants / 2, men = participants / 2 }, exitToWorkOrStudiesShare = 60 },
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, Deadline, "Actors to know the agency");
        return (await ReadJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// An employer organisation: an actor of its own, in the employer register of <paramref name="agency"/> and linked to
    /// that actor, so its users' tokens (agency = the employer's actor) find it. The agency's coordinator registers it.
    /// </summary>
    public async Task<(Guid EmployerId, Guid EmployerActor)> EmployerAsync(Guid agency, string name = "Testbygg AB")
    {
        var actor = (await ReadJsonAsync(await _operator!.PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "business", kind = "employer",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var coordinator = Platform.ClientFor(Roles.Coordinator, agency);
        var registered = await Eventually.Until(() => coordinator.PostAsJsonAsync("/api/employers", new
            {
                organisationNumber = TestNumbers.NewOrganisationNumber(), name, industryCode = "41200", municipalityCode = "0880",
                sizeBand = "small", ownerActorId = agency, actorId = actor,
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, Deadline, "Employers to know the agency and the employer's actor");
        return ((await ReadJsonAsync(registered, HttpStatusCode.Created)).GetProperty("id").GetGuid(), actor);
    }

    /// <summary>
    /// A person who signs in on the login page, made through the identity service's users API as the platform's people are:
    /// the operator makes an agency's admin; anyone else is made by the agency's admin (the operator may make admins only).
    /// Without <paramref name="agency"/>, a fresh agency registered in Actors (for an employer, also a fresh employer
    /// organisation, whose actor is the person's agency).
    /// </summary>
    public async Task<(Guid Agency, string Email, string Password)> PersonAsync(string role, Guid? agency = null, string? name = null)
    {
        var of = agency ?? (role == Roles.Employer ? (await EmployerAsync(await AgencyAsync())).EmployerActor : await AgencyAsync());
        var email = $"{role}.{Guid.NewGuid():N}@samverkan.test";
        var password = $"lång-väg-genom-skogen-{Guid.NewGuid():N}"[..32]; // PasswordRules: at least 15 characters, not a common one
        var body = new { email, displayName = name ?? $"Test {role}", agencyId = of, role, password };
        if (role == Roles.Admin)
        {
            await ReadJsonAsync(await _operator!.PostAsJsonAsync("/api/identity/users", body), HttpStatusCode.Created);
        }
        else
        {
            using var admin = Platform.ClientFor(Roles.Admin, of); // the agency's admin, as its system signs in
            await ReadJsonAsync(await admin.PostAsJsonAsync("/api/identity/users", body), HttpStatusCode.Created);
        }
        return (of, email, password);
    }

    // ---- pages ----

    /// <summary>A fresh browser context (no cookies), in Swedish, against the gateway.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE", BaseURL = Gateway.ToString() });
        context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Deadline.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new context that goes to <paramref name="startPath"/> on the gateway and, when it lands on the login page, signs in
    /// there as a person does; returns once the page is back on the gateway's site, away from the login page.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, string password, string startPath = "/")
    {
        var page = await NewPageAsync();
        var diagnostics = new PageDiagnostics(page);
        await page.GotoAsync(startPath);
        if (IsLoginPage(page.Url))
            await SubmitLoginAsync(page, email, password);
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(Gateway.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !IsLoginPage(url));
        }
        catch (TimeoutException e)
        {
            var error = await page.Locator("#fel").AllTextContentsAsync();
            throw new TimeoutException($"Signing in as {email} from {startPath} stayed at {page.Url}. Page says: {string.Join(' ', error)}\n{diagnostics}", e);
        }
        return page;
    }

    /// <summary>Fills in the identity service's login page (fields email and password) and presses its button, Logga in.</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
    }

    public static bool IsLoginPage(string url) => new Uri(url).AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs axe with the WCAG 2.0/2.1 A and AA rules and fails on every serious or critical violation, each named with the
    /// elements it was found on (the issue: no serious or critical violation on any page).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0)
            return;
        var described = serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" + string.Join('\n', v.Nodes.Take(5).Select(n =>
                $"    {Shorten(n.Target?.ToString(), 120)}: {Shorten(n.Html, 200)}")));
        Assert.Fail($"{what} ({page.Url}) has {serious.Count} serious or critical accessibility violation(s):\n{string.Join('\n', described)}");
    }

    /// <summary>A full-page PNG under the repository's TestResults/screenshots/ (scripts/test.sh empties TestResults at start).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, UnsafeInFileName().Replace(name, "-") + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The folder holding Samverkan.sln, walking up from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Samverkan.sln above {AppContext.BaseDirectory}.");
    }

    private static string Shorten(string? text, int max)
    {
        var flat = Regex.Replace(text ?? "", @"\s+", " ").Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }

    [GeneratedRegex(@"[^\w.-]+")]
    private static partial Regex UnsafeInFileName();

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        _operator?.Dispose();
        if (Platform is not null)
            await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
