using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Testing;

/// <summary>The answer a caller should get from an endpoint, as a class of status codes.</summary>
public enum Access
{
    /// <summary>
    /// Authorization passed: any 2xx, or 400/409/412/422/428 from validation or the record's state after it.
    /// Never 401/403, and not 404 either (the matrix's records exist), so that Allowed and Hidden stay apart.
    /// </summary>
    Allowed,
    /// <summary>Exactly 403.</summary>
    Forbidden,
    /// <summary>Exactly 404 for an existing record: the service hides that it exists.</summary>
    Hidden,
}

/// <summary>Whose record the caller reaches for: its own agency's, or another agency's. Collection routes have no record.</summary>
public enum Relation { Own, Other }

/// <summary>Who calls in one cell of the matrix.</summary>
public sealed record Caller(string Role, Relation Relation);

/// <summary>
/// One endpoint's expected answers. <see cref="Expected"/> is written in columns, one per role in the order of
/// <see cref="AccessRule.RoleOrder"/> (caseworker, coordinator, employer, admin, operator): for a route with a record,
/// two letters each (own agency's record, then another agency's); for a collection route, one letter each.
/// A = Allowed, F = Forbidden, H = Hidden. For example <c>"AH AH FF AH AA"</c> or <c>"A A F A A"</c>.
/// </summary>
public sealed record AccessRule(string Endpoint, string Expected, Func<Caller, Task<HttpRequestMessage>> Request)
{
    public static readonly string[] RoleOrder = [Roles.Caseworker, Roles.Coordinator, Roles.Employer, Roles.Admin, Roles.Operator];

    /// <summary>Anonymous endpoints answer without a token; all others must be 401 without one.</summary>
    public bool Anonymous { get; init; }

    /// <summary>Why the request is checked only up to authorization (for example an empty body, where 400 counts as passed).</summary>
    public string? AuthorizationOnly { get; init; }

    public bool HasRecord => Cells.Any(c => c.Caller.Relation == Relation.Other);

    public IReadOnlyList<(Caller Caller, Access Expected)> Cells
    {
        get
        {
            var columns = Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length != RoleOrder.Length || columns.Any(c => c.Length != columns[0].Length || c.Length is < 1 or > 2))
                throw new FormatException($"{Endpoint}: '{Expected}' needs {RoleOrder.Length} columns of one or two letters each.");
            var cells = new List<(Caller, Access)>();
            for (var i = 0; i < RoleOrder.Length; i++)
            {
                // Another agency's caller first: a call allowed to the own agency may change the record (sign, exit).
                if (columns[i].Length == 2)
                    cells.Add((new Caller(RoleOrder[i], Relation.Other), Parse(columns[i][1])));
                cells.Add((new Caller(RoleOrder[i], Relation.Own), Parse(columns[i][0])));
            }
            return cells;
        }
    }

    private Access Parse(char letter) => letter switch
    {
        'A' => Access.Allowed,
        'F' => Access.Forbidden,
        'H' => Access.Hidden,
        _ => throw new FormatException($"{Endpoint}: '{letter}' is none of A, F, H."),
    };

    /// <summary>Whether <paramref name="status"/> is of the class <paramref name="expected"/>.</summary>
    public static bool Matches(Access expected, HttpStatusCode status) => expected switch
    {
        Access.Allowed => (int)status is >= 200 and < 300 or 400 or 409 or 412 or 422 or 428,
        Access.Forbidden => status == HttpStatusCode.Forbidden,
        Access.Hidden => status == HttpStatusCode.NotFound,
        _ => false,
    };
}

/// <summary>Request helpers for rules tables.</summary>
public static class MatrixRequests
{
    public static Func<Caller, Task<HttpRequestMessage>> Get(string url) => _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    public static Func<Caller, Task<HttpRequestMessage>> Send(HttpMethod method, string url, object? body = null) =>
        _ => Task.FromResult(Message(method, url, body));

    public static HttpRequestMessage Message(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = JsonContent.Create(body ?? new { }) };

    /// <summary>
    /// The dead-letter view every service maps under its prefix (ServiceDefaults' DeadLettersApi): the platform
    /// operator's alone. The requeue is sent with limit=0, which is 400 after authorization.
    /// </summary>
    public static IEnumerable<AccessRule> DeadLetters(string prefix) =>
    [
        new($"GET {prefix}/dead-letters", "F   F   F   F   A", Get($"{prefix}/dead-letters")),
        new($"POST {prefix}/dead-letters/{{queue}}/requeue", "F   F   F   F   A", Send(HttpMethod.Post, $"{prefix}/dead-letters/any/requeue?limit=0"))
            { AuthorizationOnly = "limit=0: 400 after authorization counts as allowed" },
    ];
}

/// <summary>
/// The authorization matrix: the endpoints a running service maps, against a rules table kept beside its tests.
/// Every mapped endpoint needs a rule and every rule an endpoint, so an endpoint added without deciding who may call
/// it fails the tests; then each rule's cells are called and the answers compared.
/// </summary>
public static class AccessMatrix
{
    private static readonly string[] NotApiPrefixes = ["/health", "/alive", "/openapi"];

    /// <summary>"METHOD /route/pattern" of every endpoint <paramref name="services"/>' application maps, without health and OpenAPI.</summary>
    public static IReadOnlyList<string> MappedEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: Normalize(e.RoutePattern.RawText ?? ""), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => !NotApiPrefixes.Any(prefix => e.Route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => (e.Methods.Count == 0 ? ["ANY"] : e.Methods).Select(m => $"{m} {e.Route}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>One spelling of a route: a leading slash, no trailing one, no doubled ones (route groups join with "/").</summary>
    public static string Normalize(string route)
    {
        var path = "/" + string.Join('/', route.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return path;
    }

    /// <summary>Mapped endpoints without a rule and rules without an endpoint, one line each; empty when they agree.</summary>
    public static IReadOnlyList<string> Coverage(IServiceProvider services, IEnumerable<AccessRule> rules)
    {
        var mapped = MappedEndpoints(services).ToHashSet(StringComparer.Ordinal);
        var ruled = rules.Select(r => r.Endpoint).ToList();
        var problems = new List<string>();
        problems.AddRange(ruled.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key}: more than one rule"));
        problems.AddRange(mapped.Except(ruled).Order(StringComparer.Ordinal).Select(e => $"{e}: mapped, but no rule says who may call it"));
        problems.AddRange(ruled.Except(mapped).Distinct().Order(StringComparer.Ordinal).Select(e => $"{e}: a rule, but no such endpoint is mapped"));
        foreach (var rule in rules)
        {
            try { _ = rule.Cells; }
            catch (FormatException e) { problems.Add(e.Message); }
        }
        return problems;
    }

    /// <summary>The outcome of running a matrix: how many cells were called and those that answered otherwise.</summary>
    public sealed record Result(int Endpoints, int Cells, IReadOnlyList<string> Mismatches)
    {
        public string Report()
        {
            var text = new StringBuilder($"{Mismatches.Count} of {Cells} cells ({Endpoints} endpoints) answered otherwise than the rules say:");
            foreach (var line in Mismatches)
                text.Append('\n').Append("  ").Append(line);
            return text.ToString();
        }
    }

    /// <summary>
    /// Calls every cell of <paramref name="rules"/>, in order, with the client of <paramref name="clientFor"/> for the
    /// cell's caller, and once without a token (401 expected unless the rule is anonymous).
    /// </summary>
    public static async Task<Result> RunAsync(IReadOnlyList<AccessRule> rules, Func<Caller, HttpClient> clientFor, HttpClient anonymous)
    {
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var rule in rules)
        {
            cells++;
            var status = await SendAsync(anonymous, rule, new Caller("anonymous", Relation.Own));
            var expectedAnonymous = rule.Anonymous ? "not 401" : "Unauthorized";
            if ((status == HttpStatusCode.Unauthorized) != !rule.Anonymous)
                mismatches.Add($"{rule.Endpoint} without a token: expected {expectedAnonymous}, got {(int)status}");
            foreach (var (caller, expected) in rule.Cells)
            {
                cells++;
                status = await SendAsync(clientFor(caller), rule, caller);
                if (!AccessRule.Matches(expected, status))
                {
                    var whose = !rule.HasRecord ? "" : caller.Relation == Relation.Own ? " of the record's own agency" : " of another agency";
                    mismatches.Add($"{rule.Endpoint} as {caller.Role}{whose}: expected {expected}, got {(int)status}");
                }
            }
        }
        return new Result(rules.Count, cells, mismatches);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, AccessRule rule, Caller caller)
    {
        using var request = await rule.Request(caller);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
