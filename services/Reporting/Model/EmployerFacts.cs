using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Model;

/// <summary>An employer in the shared register, as employer engagement counts it.</summary>
public sealed class EmployerFact : ICopy
{
    public Guid EmployerId { get; init; }
    public string Name { get; set; } = "";
    public string MunicipalityCode { get; set; } = "";
    public Guid OwnerActorId { get; set; }
    public long Revision { get; set; }
}

/// <summary>A logged employer contact (planned ones are kept but not counted as made).</summary>
public sealed class EmployerContactFact
{
    public Guid ContactId { get; init; }
    public Guid EmployerId { get; init; }
    public Guid ActorId { get; init; }
    public DateOnly Date { get; init; }
    public bool Planned { get; init; }
}

/// <summary>A placement offer: its kind, places and where it stands.</summary>
public sealed class OfferFact
{
    public Guid OfferId { get; init; }
    public Guid EmployerId { get; set; }
    public int Kind { get; set; }
    public int Places { get; set; }
    public DateOnly PublishedOn { get; set; }
    public bool Filled { get; set; }
    public bool Closed { get; set; }
}

/// <summary>A participant's placement or employment at an employer (a pipeline that reached placed/employed).</summary>
public sealed class PlacementFact
{
    public Guid PipelineId { get; init; }
    public Guid ParticipantId { get; set; }
    public Guid EmployerId { get; init; }
    public Guid PilotActorId { get; init; }
    public int OfferKind { get; init; }
    public int Stage { get; set; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; set; }
}
