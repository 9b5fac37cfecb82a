namespace Samverkan.Employers.Model;

/// <summary>
/// SNI 2007 industry codes (Svensk näringsgrensindelning) by format: five digits at the detailed level
/// (detaljgrupp), written "62010" or "62.010". Checked for shape only: the platform carries no SNI table yet.
/// </summary>
public static class IndustryCode
{
    public static bool TryNormalise(string? input, out string normalised, out string error)
    {
        normalised = "";
        var s = input?.Trim() ?? "";
        if (s.Length == 6 && s[2] == '.')
            s = s[..2] + s[3..];
        if (s.Length != 5 || !s.All(char.IsAsciiDigit))
        {
            error = "An SNI 2007 code is five digits, optionally with a dot after the second: \"62010\" or \"62.010\".";
            return false;
        }
        normalised = s;
        error = "";
        return true;
    }
}

/// <summary>SSYK 2012 occupation codes by format: four digits (yrkesgrupp), e.g. "5223". Shape only.</summary>
public static class OccupationCode
{
    public static bool IsValid(string? input) => input is { Length: 4 } && input.All(char.IsAsciiDigit);

    public const string Error = "An SSYK 2012 occupation code is four digits, e.g. \"5223\".";
}
