using Microsoft.AspNetCore.DataProtection;
using Samverkan.Participants.Model;
using Samverkan.Participants.Security;

namespace Samverkan.Participants.UnitTests;

public sealed class IdentityProtectorTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly IDataProtectionProvider Provider = new EphemeralDataProtectionProvider();

    private static IdentityProtector Protector(string key = "unit-test-lookup-key-0123456789abcdef") =>
        new(Provider, new ParticipantsSecurityOptions { LookupKey = key });

    private static PersonalIdentityNumber Number(string input)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var number, out var error), error);
        return number!;
    }

    [Fact]
    public void Every_spelling_of_a_number_has_the_same_lookup_hash()
    {
        var protector = Protector();
        var expected = protector.LookupHash(Number("811218-9876"));
        Assert.Equal(expected, protector.LookupHash(Number("8112189876")));
        Assert.Equal(expected, protector.LookupHash(Number("19811218-9876")));
        Assert.NotEqual(expected, protector.LookupHash(Number("121212-1212")));
    }

    [Fact]
    public void Lookup_hash_depends_on_the_key_so_it_cannot_be_recomputed_from_the_number_alone()
    {
        var number = Number("811218-9876");
        Assert.NotEqual(Protector().LookupHash(number), Protector("another-lookup-key-0123456789abcdef").LookupHash(number));
        Assert.Equal(32, Protector().LookupHash(number).Length);
    }

    [Fact]
    public void Protected_number_and_name_round_trip_and_are_not_clear_text()
    {
        var protector = Protector();
        var ciphertext = protector.ProtectNumber(Number("811218-9876"));
        var name = protector.ProtectName("Anna Testsson");

        Assert.DoesNotContain("9876", ciphertext);
        Assert.DoesNotContain("Anna", name);
        Assert.Equal("198112189876", protector.UnprotectNumber(ciphertext));
        Assert.Equal("Anna Testsson", protector.UnprotectName(name));
    }

    [Fact]
    public void A_name_ciphertext_cannot_be_read_as_a_number()
    {
        var protector = Protector();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.UnprotectNumber(protector.ProtectName("198112189876")));
    }
}
