using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Employers.Apis;

/// <summary>
/// The key for employers' pseudonyms, a secret of its own (<c>Employers:PseudonymKey</c>, environment variable
/// <c>Employers__PseudonymKey</c>), kept apart from the database and from every other key: whoever holds it can link
/// pseudonyms to participant ids. Required outside Development; in Development <see cref="DevelopmentKey"/> is used
/// when none is set, so pseudonyms stay stable across local restarts.
/// </summary>
public sealed class PseudonymKey
{
    public const string Setting = "Employers:PseudonymKey";

    /// <summary>Used only in Development when no key is configured: never valid outside it.</summary>
    public const string DevelopmentKey = "employers-pseudonym-development-key-not-for-production-use";

    private PseudonymKey(string secret) => Bytes = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public byte[] Bytes { get; }

    /// <summary>Reads the key at start-up; outside Development a missing key stops the service with a message naming the setting.</summary>
    public static PseudonymKey From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
            return new PseudonymKey(configured);
        if (environment.IsDevelopment())
            return new PseudonymKey(DevelopmentKey);
        throw new InvalidOperationException(
            $"{Setting} must be configured outside Development (environment variable Employers__PseudonymKey): " +
            "the secret that keys employers' pseudonyms of participants.");
    }
}
