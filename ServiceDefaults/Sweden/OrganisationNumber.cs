namespace Samverkan.ServiceDefaults.Sweden;

/// <summary>
/// Swedish organisationsnummer: ten digits (NNNNNN-NNNN or NNNNNNNNNN), Luhn check digit, and a third digit
/// of at least 2. That last rule is what tells a legal entity's number from a personnummer (whose third
/// digit is a month's tens), so a sole trader's personnummer can never enter the platform through here.
/// </summary>
public static class OrganisationNumber
{
    /// <summary>The shape alone (the check digit is checked by <see cref="TryNormalise"/>), for the OpenAPI documents.</summary>
    public const string Pattern = @"^\d{2}[2-9]\d{3}-?\d{4}$";

    public static bool TryNormalise(string? input, out string normalised, out string error)
    {
        normalised = "";
        var digits = (input ?? "").Trim();
        if (digits.Length == 11 && digits[6] == '-')
            digits = digits.Remove(6, 1);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = "An organisationsnummer has ten digits, written NNNNNN-NNNN or NNNNNNNNNN.";
            return false;
        }
        if (digits[2] < '2')
        {
            error = "The third digit of an organisationsnummer is at least 2; this looks like a personnummer.";
            return false;
        }
        if (!Luhn.IsValid(digits))
        {
            error = "The check digit of the organisationsnummer is wrong.";
            return false;
        }
        normalised = digits;
        error = "";
        return true;
    }
}
