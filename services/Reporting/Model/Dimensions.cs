using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// The dimensions a collaboration summary breaks participants down by, and the keys one participant counts
/// under. Pure: the consumer increments one counter per (dimension, key) this returns.
/// </summary>
public static class Dimensions
{
    public const string Started = "started";
    public const string ReferringActor = "referring-actor";
    public const string Municipality = "municipality";
    public const string TargetGroup = "target-group";
    public const string AgeBand = "age-band";

    /// <summary>Key used for an absent value (an anonymous participant's unknown age).</summary>
    public const string UnknownKey = "unknown";

    public static IReadOnlyList<(string Dimension, string Key)> Of(ParticipantEnrolled p)
    {
        var keys = new List<(string, string)>
        {
            (Started, ""),
            (ReferringActor, p.ReferringActorId.ToString()),
            (Municipality, p.MunicipalityCode),
            (AgeBand, p.AgeBand is { } band ? band.ToString() : UnknownKey),
        };
        // A participant in two target groups counts in both rows: the rows overlap, so this table's columns
        // do not add up to the number started.
        keys.AddRange(p.TargetGroups.Distinct().Select(g => (TargetGroup, g.ToString())));
        return keys;
    }
}
