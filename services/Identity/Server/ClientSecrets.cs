using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Samverkan.Identity.Server;

/// <summary>
/// OpenIddict's application manager with secret rotation: a rotated client keeps its previous secret (hashed, as
/// every secret) valid until the end of an overlap period, so an agency can deploy the new secret to its systems
/// without an outage. A secret is made here, shown once by the API that asked for it, and stored only as a hash.
/// </summary>
public sealed class ClientSecrets(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    TimeProvider time)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    private const string PreviousSecret = "samverkan_previous_secret";
    private const string PreviousSecretUntil = "samverkan_previous_secret_until";

    /// <summary>256 random bits, URL-safe: long enough that no deny list or lockout is needed for systems.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateClientSecretAsync(application, secret, cancellationToken))
            return true;
        var properties = await Store.GetPropertiesAsync(application, cancellationToken);
        return properties.TryGetValue(PreviousSecret, out var previous) && previous.GetString() is { Length: > 0 } hash
            && properties.TryGetValue(PreviousSecretUntil, out var until) && until.GetDateTimeOffset() > time.GetUtcNow()
            && await ValidateClientSecretAsync(secret, hash, cancellationToken);
    }

    /// <summary>A new secret for the client; the one it had stays valid for <paramref name="overlap"/>.</summary>
    public async ValueTask<(string Secret, DateTimeOffset PreviousValidUntil)> RotateAsync(
        OpenIddictEntityFrameworkCoreApplication application, TimeSpan overlap, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().Add(overlap);
        var current = await Store.GetClientSecretAsync(application, cancellationToken);
        var properties = (await Store.GetPropertiesAsync(application, cancellationToken))
            .SetItem(PreviousSecret, JsonSerializer.SerializeToElement(current))
            .SetItem(PreviousSecretUntil, JsonSerializer.SerializeToElement(until));
        await Store.SetPropertiesAsync(application, properties, cancellationToken);
        var secret = NewSecret();
        await Store.SetClientSecretAsync(application, await ObfuscateClientSecretAsync(secret, cancellationToken), cancellationToken);
        await UpdateAsync(application, cancellationToken);
        return (secret, until);
    }
}
