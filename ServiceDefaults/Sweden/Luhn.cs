namespace Samverkan.ServiceDefaults.Sweden;

/// <summary>The Luhn (mod 10) check used by Swedish personnummer and organisationsnummer.</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits) => Sum(digits, doubleOdd: true) % 10 == 0;

    /// <summary>The digit that makes <paramref name="body"/> followed by it pass <see cref="IsValid"/>.</summary>
    public static char CheckDigit(ReadOnlySpan<char> body) => (char)('0' + (10 - Sum(body, doubleOdd: false) % 10) % 10);

    // Digits are doubled alternately from the right. Counting from the right of the whole number, the check
    // digit is position 0; counting from the right of its body, the body's last digit is doubled.
    private static int Sum(ReadOnlySpan<char> digits, bool doubleOdd)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1 == doubleOdd) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum;
    }
}
