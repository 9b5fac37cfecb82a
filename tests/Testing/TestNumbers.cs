using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Testing;

/// <summary>Valid identifiers for tests that need a fresh one without caring which.</summary>
public static class TestNumbers
{
    /// <summary>
    /// A fresh organisationsnummer: "55" (aktiebolag range), a third digit of at least 2 (else it reads as a
    /// personnummer), six random digits and the Luhn check digit.
    /// </summary>
    public static string NewOrganisationNumber()
    {
        var body = "55" + Random.Shared.Next(2, 10) + Random.Shared.Next(0, 1_000_000).ToString("D6");
        return body + Luhn.CheckDigit(body);
    }
}
