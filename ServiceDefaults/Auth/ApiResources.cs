namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// The APIs a token can be meant for. Each service accepts only tokens whose audience names it, and a scope
/// grants reading or writing one API: <c>{api}.read</c> for GET and HEAD, <c>{api}.write</c> for the rest
/// (write implies read). The identity service registers exactly these scopes, each pointing at its API as the
/// token's audience, so the list lives here once.
/// </summary>
public static class ApiResources
{
    public static readonly string[] Names =
        [ResourceNames.Actors, ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Reporting, ResourceNames.Identity, ResourceNames.Webhooks];

    public static string ReadScope(string api) => $"{api}.read";
    public static string WriteScope(string api) => $"{api}.write";

    /// <summary>Every scope with the API it is for.</summary>
    public static IEnumerable<(string Scope, string Api)> Scopes =>
        Names.SelectMany(api => new[] { (ReadScope(api), api), (WriteScope(api), api) });

    public static IReadOnlySet<string> AllScopes { get; } = Scopes.Select(s => s.Scope).ToHashSet(StringComparer.Ordinal);
}
