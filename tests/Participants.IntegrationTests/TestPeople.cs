using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>Fresh valid personnummer for tests that enrol many people (Luhn check digit, real dates).</summary>
internal static class TestPeople
{
    private static int _next = Random.Shared.Next(0, 1_000_000);

    /// <summary>YYMMDD-NNNC for a person born 1950–2004, distinct for every call in a test run.</summary>
    public static string NewNumber()
    {
        var n = Interlocked.Increment(ref _next);
        var born = new DateOnly(1950, 1, 1).AddDays(n % 20_000);
        var body = $"{born:yyMMdd}{n / 20_000 % 1000:D3}";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }
}
