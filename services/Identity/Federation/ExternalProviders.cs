namespace Samverkan.Identity.Federation;

/// <summary>One upstream OpenID Connect provider people may sign in with (an IdP for SITHS, a BankID/Freja broker).</summary>
public sealed class ExternalProvider
{
    /// <summary>The key in configuration, used in URLs and as the login provider of linked accounts.</summary>
    public string Name { get; set; } = "";
    /// <summary>What the login page's button says after "Logga in med".</summary>
    public string DisplayName { get; set; } = "";
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string[] Scopes { get; set; } = ["openid"];
}

/// <summary>
/// The upstream providers, from <c>Identity:ExternalProviders:{name}</c>: adding one is configuration only
/// (docs/decisions/0007-identity.md). A person signs in upstream and is let in only if an admin has linked that
/// provider's subject to their account here: the upstream says who someone is, this service what they may do.
/// </summary>
public sealed class ExternalProviders
{
    public const string Section = "Identity:ExternalProviders";

    public ExternalProviders(IConfiguration configuration)
    {
        All = [.. configuration.GetSection(Section).GetChildren().Select(section =>
        {
            var provider = section.Get<ExternalProvider>() ?? new ExternalProvider();
            provider.Name = section.Key;
            if (string.IsNullOrWhiteSpace(provider.DisplayName))
                provider.DisplayName = section.Key;
            if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(provider.ClientId))
                throw new InvalidOperationException($"{Section}:{section.Key} needs an absolute Authority and a ClientId.");
            return provider;
        })];
    }

    public IReadOnlyList<ExternalProvider> All { get; }

    public ExternalProvider? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
