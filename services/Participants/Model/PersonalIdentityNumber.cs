using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Participants.Model;

/// <summary>The legal sex recorded in a personal identity number's ninth digit (odd: man, even: woman).</summary>
public enum LegalSex
{
    Woman = 1,
    Man = 2,
}

/// <summary>
/// A Swedish personnummer or samordningsnummer (coordination number: the day of birth plus 60), validated
/// and normalised to twelve digits (YYYYMMDDNNNC). Accepted forms: YYMMDD-NNNC, YYMMDD+NNNC (the '+' marks a
/// person of 100 or more), YYMMDDNNNC, YYYYMMDD-NNNC and YYYYMMDDNNNC. The ten-digit form's century is the most
/// recent one that does not put the birth in the future, relative to a given day, less 100 years for '+'.
/// <para>
/// The value is identifying: <see cref="ToString"/> never shows it, so it cannot slip into a log message or
/// an exception by accident. Read <see cref="Digits"/> only to encrypt or hash it.
/// </para>
/// </summary>
public sealed class PersonalIdentityNumber
{
    private const int CoordinationDayOffset = 60;

    private PersonalIdentityNumber(string digits, DateOnly birthDate, bool isCoordinationNumber)
    {
        Digits = digits;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>Twelve digits, YYYYMMDDNNNC: the form that is encrypted and hashed.</summary>
    public string Digits { get; }

    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer (day of birth + 60).</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>From the ninth digit of the ten-digit form (the third of the four last): odd is a man, even a woman.</summary>
    public LegalSex LegalSex => (Digits[10] - '0') % 2 == 1 ? LegalSex.Man : LegalSex.Woman;

    /// <summary>Age in whole years on <paramref name="date"/>. Someone born on 29 February turns a year older on 1 March in a common year.</summary>
    public int AgeOn(DateOnly date) => Age.On(BirthDate, date);

    public override string ToString() => IsCoordinationNumber ? "[samordningsnummer]" : "[personnummer]";

    /// <summary>Parses relative to today's date (UTC).</summary>
    public static bool TryParse(string? input, out PersonalIdentityNumber? number, out string error) =>
        TryParse(input, DateOnly.FromDateTime(DateTime.UtcNow), out number, out error);

    /// <summary>
    /// Parses <paramref name="input"/>, resolving the century of a ten-digit number against <paramref name="today"/>.
    /// The error message never repeats the input.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out PersonalIdentityNumber? number, out string error)
    {
        number = null;
        var text = (input ?? "").Trim();
        char? separator = null;
        if (text.Length is 11 or 13 && text[^5] is '-' or '+')
        {
            separator = text[^5];
            text = text.Remove(text.Length - 5, 1);
        }
        if (text.Length is not (10 or 12) || !text.All(char.IsAsciiDigit))
        {
            error = "A personal identity number has 10 or 12 digits: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN or without separator.";
            return false;
        }
        if (text.Length == 12 && separator == '+')
        {
            error = "The '+' separator belongs to the ten-digit form only; with twelve digits the century is written out.";
            return false;
        }

        var tenDigits = text.Length == 12 ? text[2..] : text;
        var month = int.Parse(tenDigits.AsSpan(2, 2));
        var dayField = int.Parse(tenDigits.AsSpan(4, 2));
        var isCoordination = dayField > CoordinationDayOffset;
        var day = isCoordination ? dayField - CoordinationDayOffset : dayField;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            error = "The personal identity number does not contain a valid date of birth.";
            return false;
        }

        int year;
        if (text.Length == 12)
        {
            year = int.Parse(text.AsSpan(0, 4));
        }
        else
        {
            // The most recent year ending in these two digits whose birthday is not after today.
            var yy = int.Parse(tenDigits.AsSpan(0, 2));
            year = today.Year - (((today.Year - yy) % 100) + 100) % 100;
            if ((month, day).CompareTo((today.Month, today.Day)) > 0 && year == today.Year)
                year -= 100;
            if (separator == '+')
                year -= 100;
        }

        if (year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "The personal identity number does not contain a valid date of birth.";
            return false;
        }
        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = "The date of birth in the personal identity number is in the future.";
            return false;
        }
        if (!Luhn.IsValid(tenDigits))
        {
            error = "The check digit of the personal identity number is wrong.";
            return false;
        }

        number = new PersonalIdentityNumber($"{year:D4}{tenDigits[2..]}", birthDate, isCoordination);
        error = "";
        return true;
    }
}

public static class Age
{
    /// <summary>Whole years from <paramref name="birthDate"/> to <paramref name="date"/> (0 before the first birthday).</summary>
    public static int On(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if ((date.Month, date.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0)
            age--;
        return age;
    }
}
