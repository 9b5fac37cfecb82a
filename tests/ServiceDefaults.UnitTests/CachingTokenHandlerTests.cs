using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.UnitTests;

/// <summary>
/// The bearer token handler that remembers valid tokens (<see cref="CachingTokenHandler"/>) answers as an uncached one
/// would: never for a token past its expiry, never for a key withdrawn longer than <see cref="CachingTokenHandler.MaxAge"/>
/// ago, and with an identity of each caller's own.
/// </summary>
public sealed class CachingTokenHandlerTests
{
    private const string Issuer = "http://identity.test/";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "k1" };

    private string Token(DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "actors",
        Subject = new ClaimsIdentity([new Claim("sub", "u1"), new Claim("role", "caseworker")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    private TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "actors",
        IssuerSigningKeys = keys,
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_valid_token_is_valid_again_and_each_caller_gets_an_identity_of_its_own()
    {
        var handler = new CachingTokenHandler(TimeProvider.System) { MapInboundClaims = false };
        var token = Token(DateTime.UtcNow.AddHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        first.ClaimsIdentity.AddClaim(new Claim("added-by-one-request", "x"));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));
        var third = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid && second.IsValid && third.IsValid);
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-one-request"));
        Assert.Equal("caseworker", third.ClaimsIdentity.FindFirst("role")?.Value);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_has_expired()
    {
        var handler = new CachingTokenHandler(TimeProvider.System);
        var token = Token(DateTime.UtcNow.AddSeconds(5)); // time enough for a first validation on a busy machine
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var deadline = Stopwatch.StartNew();
        while ((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "a token 5 s from its expiry was still taken as valid 20 s later");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_withdrawn_signing_key_stops_validating_a_remembered_token_after_MaxAge()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var handler = new CachingTokenHandler(clock);
        var token = Token(DateTime.UtcNow.AddHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var withdrawn = Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k2" });

        clock.Now += CachingTokenHandler.MaxAge - TimeSpan.FromSeconds(1);
        Assert.True((await handler.ValidateTokenAsync(token, withdrawn)).IsValid); // remembered, within MaxAge
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.False((await handler.ValidateTokenAsync(token, withdrawn)).IsValid);
    }

    [Fact]
    public async Task An_invalid_token_is_not_remembered_and_a_tampered_one_is_refused()
    {
        var handler = new CachingTokenHandler(TimeProvider.System);
        var token = Token(DateTime.UtcNow.AddHours(1));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters(_key))).IsValid);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
