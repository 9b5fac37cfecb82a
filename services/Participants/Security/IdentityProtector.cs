using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Samverkan.Participants.Security;

/// <summary>
/// Encrypts identifying data with ASP.NET Core Data Protection (keys in a directory outside the database)
/// and computes the keyed hash by which a person is found again. Nothing here logs or throws the clear value.
/// </summary>
public sealed class IdentityProtector
{
    private const string NumberPurpose = "Samverkan.Participants.PersonalIdentityNumber.v1";
    private const string NamePurpose = "Samverkan.Participants.Name.v1";

    private readonly IDataProtector _number;
    private readonly IDataProtector _name;
    private readonly byte[] _lookupKey;

    public IdentityProtector(IDataProtectionProvider provider, ParticipantsSecurityOptions options)
    {
        _number = provider.CreateProtector(NumberPurpose);
        _name = provider.CreateProtector(NamePurpose);
        _lookupKey = Encoding.UTF8.GetBytes(options.LookupKey);
    }

    public string ProtectNumber(PersonalIdentityNumber number) => _number.Protect(number.Digits);

    /// <summary>The twelve digits, YYYYMMDDNNNN.</summary>
    public string UnprotectNumber(string protectedNumber) => _number.Unprotect(protectedNumber);

    public string ProtectName(string name) => _name.Protect(name);

    public string UnprotectName(string protectedName) => _name.Unprotect(protectedName);

    /// <summary>HMAC-SHA256 of the twelve-digit form, so every accepted spelling of a number hashes alike.</summary>
    public byte[] LookupHash(PersonalIdentityNumber number) =>
        HMACSHA256.HashData(_lookupKey, Encoding.ASCII.GetBytes(number.Digits));
}

/// <summary>Configuration section <c>Participants</c>.</summary>
public sealed class ParticipantsSecurityOptions
{
    public const string Section = "Participants";

    /// <summary>Used only where no key is configured in Development: never valid outside it.</summary>
    public const string DevelopmentLookupKey = "samverkan-participants-development-lookup-key-not-for-production";

    /// <summary>Where Data Protection keeps its key ring; outside the database by design.</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>The HMAC key for lookups (at least 32 characters). Kept apart from the data, as EDPB 01/2025 asks of pseudonymisation.</summary>
    public string LookupKey { get; set; } = "";
}
