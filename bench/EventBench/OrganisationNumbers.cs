namespace Samverkan.Bench.EventBench;

/// <summary>
/// Unique valid organisationsnummer: ten digits, the third at least 2, a Luhn check digit last. The first
/// two digits and the third come from the run's seed, the next six from a counter, so one run (one fresh
/// database) never repeats a number: 1,000,000 numbers per seed.
/// </summary>
public sealed class OrganisationNumbers(int seed)
{
    private long _next;

    public string Next()
    {
        var n = Interlocked.Increment(ref _next) - 1;
        if (n >= 1_000_000) throw new InvalidOperationException("Out of organisationsnummer for this seed.");
        Span<char> d = stackalloc char[10];
        d[0] = (char)('1' + seed % 9);
        d[1] = (char)('0' + seed / 9 % 10);
        d[2] = (char)('2' + seed / 90 % 8);
        n.ToString("D6").AsSpan().CopyTo(d[3..9]);
        d[9] = CheckDigit(d[..9]);
        return new string(d);
    }

    /// <summary>Luhn: from the right of the full number, every second digit (the ones left of the check digit first) doubled.</summary>
    public static char CheckDigit(ReadOnlySpan<char> nine)
    {
        var sum = 0;
        for (var k = 0; k < nine.Length; k++)
        {
            var x = nine[k] - '0';
            if (k % 2 == 0) { x *= 2; if (x > 9) x -= 9; }
            sum += x;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
