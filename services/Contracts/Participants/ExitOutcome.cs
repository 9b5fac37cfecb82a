namespace Samverkan.Contracts.Participants;

/// <summary>
/// What a participant left to (avslut). Employment, subsidised employment and self-employment together are
/// "work"; work or studies is the share collaborations set targets on. On the wire kebab-case.
/// </summary>
public enum ExitOutcome
{
    /// <summary>Arbete: anställning på den öppna marknaden.</summary>
    Employment = 1,
    /// <summary>Arbete: anställning med stöd.</summary>
    SubsidisedEmployment = 2,
    /// <summary>Arbete: eget företag.</summary>
    SelfEmployment = 3,
    /// <summary>Studier.</summary>
    Studies = 4,
    /// <summary>Praktik.</summary>
    Internship = 5,
    /// <summary>Söker arbete.</summary>
    JobSeeking = 6,
    /// <summary>Annat (sjukskrivning, flytt, föräldraledighet …).</summary>
    Other = 7,
}

public static class ExitOutcomes
{
    /// <summary>Employment, subsidised employment or self-employment.</summary>
    public static bool IsWork(this ExitOutcome outcome) =>
        outcome is ExitOutcome.Employment or ExitOutcome.SubsidisedEmployment or ExitOutcome.SelfEmployment;

    public static bool IsWorkOrStudies(this ExitOutcome outcome) => outcome.IsWork() || outcome == ExitOutcome.Studies;
}
