namespace Samverkan.Contracts.Employers;

/// <summary>
/// Where a participant–offer pair stands in the job-seeker pilot's pipeline (sökandelots):
/// proposed → presented-to-employer → interview → placed → employed → ended.
/// </summary>
public enum PipelineStage
{
    Proposed = 1,
    PresentedToEmployer = 2,
    Interview = 3,
    /// <summary>In a placement (internship, work trial) at the employer.</summary>
    Placed = 4,
    /// <summary>Employed by the employer.</summary>
    Employed = 5,
    Ended = 6,
}
