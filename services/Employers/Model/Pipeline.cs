using Samverkan.Contracts.Employers;

namespace Samverkan.Employers.Model;

/// <summary>
/// One participant–offer pair in a job-seeker pilot's caseload (sökandelots):
/// proposed → presented-to-employer → interview → placed → employed → ended, each step with its date.
/// </summary>
public sealed class Pipeline
{
    public Guid Id { get; init; }
    /// <summary>Null once the participant is erased: the pipeline stays for the counts, without its link.</summary>
    public Guid? ParticipantId { get; set; }
    public Guid OfferId { get; init; }
    public Guid EmployerId { get; init; }
    /// <summary>The pilot's agency.</summary>
    public Guid PilotActorId { get; init; }
    /// <summary>The pilot (the token's subject) whose caseload the pair is in.</summary>
    public required string Pilot { get; init; }
    public PipelineStage Stage { get; private set; } = PipelineStage.Proposed;
    public DateOnly ProposedOn { get; init; }
    public DateOnly? PresentedOn { get; private set; }
    public DateOnly? InterviewOn { get; private set; }
    public DateOnly? PlacedOn { get; private set; }
    public DateOnly? EmployedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    /// <summary>The stage reached before <see cref="PipelineStage.Ended"/>.</summary>
    public PipelineStage? LastStage { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    /// <summary>The date the current stage was reached.</summary>
    public DateOnly StageDate => Stage switch
    {
        PipelineStage.Proposed => ProposedOn,
        PipelineStage.PresentedToEmployer => PresentedOn!.Value,
        PipelineStage.Interview => InterviewOn!.Value,
        PipelineStage.Placed => PlacedOn!.Value,
        PipelineStage.Employed => EmployedOn!.Value,
        _ => EndedOn!.Value,
    };

    /// <summary>When the placement or employment began, for follow-up: the first of placed and employed.</summary>
    public DateOnly? StartedOn => PlacedOn ?? EmployedOn;

    /// <summary>Moves on; the outcome says why not, and nothing changes then.</summary>
    public MoveOutcome TryMoveTo(PipelineStage next, DateOnly on)
    {
        if (!PipelineRules.CanMove(Stage, next))
            return MoveOutcome.IllegalMove;
        if (on < StageDate)
            return MoveOutcome.DateBeforePreviousStage;
        switch (next)
        {
            case PipelineStage.PresentedToEmployer: PresentedOn = on; break;
            case PipelineStage.Interview: InterviewOn = on; break;
            case PipelineStage.Placed: PlacedOn = on; break;
            case PipelineStage.Employed: EmployedOn = on; break;
            case PipelineStage.Ended: EndedOn = on; LastStage = Stage; break;
        }
        Stage = next;
        return MoveOutcome.Moved;
    }
}

public enum MoveOutcome
{
    Moved,
    IllegalMove,
    DateBeforePreviousStage,
}

/// <summary>
/// The pipeline's state machine. Forward only, one step at a time, with two shortcuts practice needs: an
/// internship or work trial often starts without an interview (presented → placed), and a job can follow an
/// interview without a placement first (interview → employed). Any stage but ended may end (not chosen,
/// withdrawn, finished). Nothing goes back: a new attempt is a new pipeline.
/// </summary>
public static class PipelineRules
{
    public static bool CanMove(PipelineStage from, PipelineStage to) => (from, to) switch
    {
        (PipelineStage.Ended, _) => false,
        (_, PipelineStage.Ended) => true,
        (PipelineStage.Proposed, PipelineStage.PresentedToEmployer) => true,
        (PipelineStage.PresentedToEmployer, PipelineStage.Interview) => true,
        (PipelineStage.PresentedToEmployer, PipelineStage.Placed) => true,
        (PipelineStage.Interview, PipelineStage.Placed) => true,
        (PipelineStage.Interview, PipelineStage.Employed) => true,
        (PipelineStage.Placed, PipelineStage.Employed) => true,
        _ => false,
    };

    /// <summary>The stages an exit to work ends: every one before employment (the employment itself goes on, with support).</summary>
    public static bool EndsOnExitToWork(PipelineStage stage) => stage is not (PipelineStage.Employed or PipelineStage.Ended);
}

/// <summary>Who a support contact was with (Supported Employment supports both sides).</summary>
public enum SupportParty
{
    Participant,
    Employer,
}

/// <summary>A support contact during or after a placement or employment (stöd under och efter anställning).</summary>
public sealed class SupportContact
{
    public Guid Id { get; init; }
    public Guid PipelineId { get; init; }
    public DateOnly Date { get; init; }
    public SupportParty With { get; init; }
    public ContactChannel Channel { get; init; }
    /// <summary>The pilot who logged it (token subject).</summary>
    public required string LoggedBy { get; init; }
    /// <summary>Notes stay here (may be about the person); cleared when the participant is erased.</summary>
    public string? Notes { get; set; }
    public DateTimeOffset LoggedAt { get; init; }
}
