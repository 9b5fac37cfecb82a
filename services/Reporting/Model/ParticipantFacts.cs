using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Model;

/// <summary>
/// One participant's non-identifying facts at enrolment (corrected by later updates): the record the
/// pre-aggregated counts are built from. Its key (participant, collaboration) keeps a participant from counting twice.
/// A copy of Participants' facts: <see cref="Revision"/> orders the states (<see cref="Copies"/>).
/// </summary>
public sealed class ParticipantFact : ICopy
{
    public Guid ParticipantId { get; set; }
    public Guid CollaborationId { get; init; }
    public int Gender { get; set; }
    public int? AgeBand { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public Guid ReferringActorId { get; init; }
    public int[] TargetGroups { get; set; } = [];
    public DateOnly StartDate { get; init; }
    public int? LabourMarketStatus { get; set; }
    public int? EducationLevel { get; set; }
    /// <summary>The benefit the participant had at start (<see cref="Contracts.Participants.BenefitType"/>); never corrected; null in enrolments from before it was published.</summary>
    public int? BenefitAtStart { get; init; }
    /// <summary>When these facts became true in Participants (shown, not compared: <see cref="Revision"/> orders the states).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Participants' revision of the facts held; 0 for facts from before revisions.</summary>
    public long Revision { get; set; }
}

/// <summary>
/// A participant's exit, kept apart from the enrolment so that either may arrive first: the exit counts are
/// added by whichever of the two arrives second.
/// </summary>
public sealed class ParticipantExit
{
    public Guid ParticipantId { get; set; }
    public Guid CollaborationId { get; init; }
    public DateOnly ExitDate { get; init; }
    public int Outcome { get; init; }
    public bool GainedQualification { get; init; }
}

/// <summary>A participant's participation hours in one month: the latest total, set and never added.</summary>
public sealed class ParticipantHours
{
    public Guid ParticipantId { get; set; }
    public Guid CollaborationId { get; init; }
    public DateOnly Month { get; init; }
    public decimal Hours { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Participation hours of a collaboration per month, and how many participants they come from.</summary>
public sealed class HoursByMonth
{
    public Guid CollaborationId { get; init; }
    public DateOnly Month { get; init; }
    public decimal Hours { get; set; }
    public int Participants { get; set; }
}

/// <summary>The first day a participant was presented to an employer (first employer contact).</summary>
public sealed class FirstEmployerContact
{
    public Guid ParticipantId { get; set; }
    public DateOnly PresentedOn { get; set; }
}

/// <summary>
/// Pre-aggregated count in one scope (a collaboration, or <see cref="Dimensions.AllCollaborations"/>) on one
/// day, per dimension key and gender. The day is the start date for the started dimensions and the exit
/// date for the exit dimensions. Reports sum these over a period, or subtract the rows after an as-of date
/// from <see cref="ParticipantTotal"/>: cost grows with days and keys, not with participants.
/// </summary>
public sealed class ParticipantCount
{
    public Guid CollaborationId { get; init; }
    public string Dimension { get; init; } = "";
    public string Key { get; init; } = "";
    public int Gender { get; init; }
    public DateOnly Day { get; init; }
    public int Count { get; set; }
}

/// <summary>
/// The same counts as <see cref="ParticipantCount"/> summed over a calendar month (<see cref="Months"/> 1, from
/// the 1st) or a calendar year (12, from 1 January): a period reads its whole years and months here and only
/// its edge days from the dated rows, so its cost is bounded by the keys, not by the participants.
/// </summary>
public sealed class ParticipantPeriodCount
{
    public const int Month = 1;
    public const int Year = 12;

    public Guid CollaborationId { get; init; }
    public string Dimension { get; init; } = "";
    public string Key { get; init; } = "";
    public int Gender { get; init; }
    public int Months { get; init; }
    public DateOnly Start { get; init; }
    public int Count { get; set; }
}

/// <summary>The same counts as <see cref="ParticipantCount"/> over all days: what "as of now" reads.</summary>
public sealed class ParticipantTotal
{
    public Guid CollaborationId { get; init; }
    public string Dimension { get; init; } = "";
    public string Key { get; init; } = "";
    public int Gender { get; init; }
    public int Count { get; set; }
}

/// <summary>
/// One scope's totals for one municipality, as the regional view reads them: started by gender and exits by outcome and
/// gender in one row, kept beside the per-key totals they sum. Keyed by name (<see cref="RegionalCounts.NameOf"/>, e.g.
/// "exit:Employment:Woman"), not by position: a new outcome or gender cannot misalign the rows stored before it.
/// </summary>
public sealed class RegionalTotal
{
    public Guid Scope { get; init; }
    public string MunicipalityCode { get; init; } = "";
    /// <summary>A JSON object of counts by name (jsonb); counts of zero are left out.</summary>
    public string Counts { get; set; } = "{}";
}
