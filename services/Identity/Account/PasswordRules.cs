using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Samverkan.Identity.Model;

namespace Samverkan.Identity.Account;

/// <summary>
/// Passwords as NIST SP 800-63B (rev. 4) asks for a single-factor password: at least 15 characters, up to 128,
/// any characters (compared after Unicode NFKC normalisation), no composition rules, and not a password known
/// from breach lists or derived from the service or the user's own name. ASP.NET Core Identity's digit/upper/
/// symbol rules are switched off where this is registered.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<PlatformUser>
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> DenyList = new(LoadDenyList);

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        var normalized = (password ?? "").Normalize(NormalizationForm.FormKC);
        var length = new StringInfo(normalized).LengthInTextElements;
        if (length < MinimumLength)
            return Fail("PasswordTooShort", $"Lösenordet måste ha minst {MinimumLength} tecken.");
        if (length > MaximumLength)
            return Fail("PasswordTooLong", $"Lösenordet får ha högst {MaximumLength} tecken.");
        if (IsCommon(normalized))
            return Fail("PasswordCommon", "Lösenordet är för vanligt eller finns i listor över läckta lösenord. Välj ett annat.");
        var lower = normalized.ToLowerInvariant();
        var own = new[] { user.Email?.Split('@')[0], user.UserName?.Split('@')[0], user.DisplayName, "samverkan" }
            .Where(p => p is { Length: >= 4 }).Select(p => p!.ToLowerInvariant());
        if (own.Any(lower.Contains))
            return Fail("PasswordPersonal", "Lösenordet får inte innehålla ditt namn, din e-postadress eller tjänstens namn.");
        if (lower.Distinct().Count() <= 2)
            return Fail("PasswordRepetitive", "Lösenordet får inte bestå av ett eller två upprepade tecken.");
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>A password on the list, or one of them with digits or symbols around it ("sommar2024!").</summary>
    internal static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim("0123456789!?.#@*_- ".ToCharArray());
        return DenyList.Value.Contains(lower) || DenyList.Value.Contains(core)
            || DenyList.Value.Any(common => common.Length >= 6 && lower.Replace(common, "", StringComparison.Ordinal).Trim("0123456789!?.#@*_- ".ToCharArray()).Length == 0);
    }

    private static HashSet<string> LoadDenyList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Samverkan.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#'))
                words.Add(word.ToLowerInvariant());
        return words;
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
