using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Employers.Model;

/// <summary>
/// What an employer sees instead of a participant id: a keyed hash (HMAC-SHA256) of the offer and the
/// participant, so the same person keeps one pseudonym on one offer, gets another on the next offer (two
/// employers cannot link their lists), and nobody without the key can go back to the id. Pseudonymised data is
/// still personal data (EDPB 01/2025): the key lives in configuration, apart from the data.
/// </summary>
public static class Pseudonyms
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no I, O, 0, 1: read aloud on the phone

    public static string For(ReadOnlySpan<byte> key, Guid offerId, Guid participantId)
    {
        Span<byte> input = stackalloc byte[32];
        offerId.TryWriteBytes(input[..16]);
        participantId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, input, hash);
        var text = new StringBuilder("K-", 12);
        for (var i = 0; i < 10; i++)
            text.Append(Alphabet[hash[i] % Alphabet.Length]);
        return text.ToString();
    }
}
