using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Employers.Apis;

/// <summary>
/// The key for employers' pseudonyms: <c>Employers:PseudonymKey</c>, a secret of its own (kept apart from the
/// database). Required in Production; elsewhere a fixed development value keeps pseudonyms stable across restarts.
/// </summary>
public sealed class PseudonymKey
{
    private const string DevelopmentOnly = "employers-pseudonyms-development-only";

    public PseudonymKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Employers:PseudonymKey"];
        if (string.IsNullOrWhiteSpace(configured) && environment.IsProduction())
            throw new InvalidOperationException("Employers:PseudonymKey must be set outside Development (environment variable Employers__PseudonymKey).");
        Bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(configured) ? DevelopmentOnly : configured));
    }

    public byte[] Bytes { get; }
}
