using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// The bearer token handler, remembering tokens it has found valid: a client sends the same access token with every
/// request for its lifetime, and parsing it and checking its RSA signature again each time was the largest part of what
/// the gateway added to a request (bench/gateway.sh's profile). The gateway and every service validate each token.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only valid results are kept, keyed by the token's exact text, never past the token's own expiry, and at most
/// <see cref="MaxAge"/>: a signing key the identity service withdraws stops being trusted within that time.</item>
/// <item>Each caller gets its own copy of the identity, so nothing one request does to its principal reaches another.</item>
/// <item>The cache is bounded (<see cref="MaxEntries"/> tokens); past that, tokens are validated as before, uncached.</item>
/// </list>
/// </remarks>
public sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out Entry? entry) && entry!.Until > now)
            return entry.Copy();

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero);
            if (until > now + MaxAge)
                until = now + MaxAge;
            if (until > now)
            {
                var kept = new Entry(result, result.ClaimsIdentity.Clone(), until);
                _valid.Set(token, kept, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            }
        }
        return result;
    }

    /// <summary>A validated token's result and an identity no request holds, to copy from.</summary>
    private sealed record Entry(TokenValidationResult Result, ClaimsIdentity Identity, DateTimeOffset Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            SecurityToken = Result.SecurityToken,
            ClaimsIdentity = Identity.Clone(),
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
            TokenContext = Result.TokenContext,
        };
    }
}
