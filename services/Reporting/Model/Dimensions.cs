using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// The dimensions reports break participants down by, and the counter keys one participant counts under.
/// Pure: consumers add one to each key this returns (and subtract the old keys when facts change); the
/// rebuild's SQL produces the same keys set-based.
/// </summary>
public static class Dimensions
{
    public const string Started = "started";
    public const string ReferringActor = "referring-actor";
    public const string Municipality = "municipality";
    public const string TargetGroup = "target-group";
    public const string AgeBand = "age-band";
    public const string LabourMarketStatus = "labour-market-status";
    public const string EducationLevel = "education-level";
    /// <summary>Exits per outcome (key: the outcome's name); the day counted is the exit date.</summary>
    public const string ExitOutcome = "exit-outcome";
    /// <summary>Exits where a qualification was gained (ESF+ result indicator).</summary>
    public const string GainedQualification = "gained-qualification";
    /// <summary>Exits per municipality and outcome (key "0880:Employment"), for the regional view.</summary>
    public const string ExitMunicipality = "exit-municipality";
    /// <summary>Days from start to first presentation to an employer (key: the number of days).</summary>
    public const string DaysToFirstContact = "days-to-first-contact";

    /// <summary>The scope of counters summed over every collaboration: the regional view without a collaboration.</summary>
    public static readonly Guid AllCollaborations = Guid.Empty;

    /// <summary>Key used for an absent value (an anonymous participant's unknown age).</summary>
    public const string UnknownKey = "unknown";

    /// <summary>The collaboration-scoped started keys of an enrolment.</summary>
    public static IReadOnlyList<(string Dimension, string Key)> Of(ParticipantEnrolled p) =>
        StartedKeys(p.MunicipalityCode, p.ReferringActorId, p.AgeBand, p.TargetGroups.Select(g => (int)g),
            (int?)p.LabourMarketStatusAtEntry, (int?)p.EducationLevelAtEntry);

    public static IReadOnlyList<(string Dimension, string Key)> StartedKeys(
        string municipality, Guid referrer, AgeBand? ageBand, IEnumerable<int> targetGroups, int? labourMarketStatus, int? educationLevel)
    {
        var keys = new List<(string, string)>
        {
            (Started, ""),
            (ReferringActor, referrer.ToString()),
            (Municipality, municipality),
            (AgeBand, ageBand is { } band ? band.ToString() : UnknownKey),
            (LabourMarketStatus, labourMarketStatus is { } s ? ((LabourMarketStatus)s).ToString() : UnknownKey),
            (EducationLevel, educationLevel is { } e ? ((EducationLevel)e).ToString() : UnknownKey),
        };
        // A participant in two target groups counts in both rows: the rows overlap, so this table's columns
        // do not add up to the number started.
        keys.AddRange(targetGroups.Distinct().Select(g => (TargetGroup, ((Contracts.Actors.TargetGroup)g).ToString())));
        return keys;
    }

    /// <summary>Every counter a participant's enrolment adds to, with its scope, gender and day (the start date).</summary>
    public static IEnumerable<CounterDelta> OfStart(ParticipantFact f, int delta)
    {
        var keys = StartedKeys(f.MunicipalityCode, f.ReferringActorId, (AgeBand?)f.AgeBand, f.TargetGroups, f.LabourMarketStatus, f.EducationLevel);
        foreach (var (dimension, key) in keys)
            yield return new(f.CollaborationId, dimension, key, f.Gender, f.StartDate, delta);
        yield return new(AllCollaborations, Municipality, f.MunicipalityCode, f.Gender, f.StartDate, delta);
    }

    /// <summary>Every counter an exit adds to; needs the enrolment's facts (gender, municipality).</summary>
    public static IEnumerable<CounterDelta> OfExit(ParticipantFact f, ParticipantExit x, int delta)
    {
        var outcome = ((ExitOutcome)x.Outcome).ToString();
        yield return new(f.CollaborationId, ExitOutcome, outcome, f.Gender, x.ExitDate, delta);
        if (x.GainedQualification)
            yield return new(f.CollaborationId, GainedQualification, "", f.Gender, x.ExitDate, delta);
        yield return new(f.CollaborationId, ExitMunicipality, $"{f.MunicipalityCode}:{outcome}", f.Gender, x.ExitDate, delta);
        yield return new(AllCollaborations, ExitMunicipality, $"{f.MunicipalityCode}:{outcome}", f.Gender, x.ExitDate, delta);
    }

    /// <summary>The days-to-first-contact histogram entry; the day counted is the presentation date.</summary>
    public static CounterDelta FirstContact(ParticipantFact f, DateOnly presentedOn, int delta) =>
        new(f.CollaborationId, DaysToFirstContact, Math.Max(0, presentedOn.DayNumber - f.StartDate.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Gender, presentedOn, delta);
}

/// <summary>One change to one counter.</summary>
public sealed record CounterDelta(Guid Scope, string Dimension, string Key, int Gender, DateOnly Day, int Delta);
