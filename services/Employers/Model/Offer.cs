using Samverkan.Contracts.Employers;

namespace Samverkan.Employers.Model;

/// <summary>A placement offer (praktikplats, prövningsplats, anställning …) from an employer.</summary>
public sealed class Offer
{
    public Guid Id { get; init; }
    public Guid EmployerId { get; init; }
    public OfferKind Kind { get; set; }
    /// <summary>SSYK 2012 code.</summary>
    public required string OccupationCode { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>SCB kommunkod where the work is.</summary>
    public required string MunicipalityCode { get; set; }
    public int Places { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>Length in weeks; null when open-ended (tillsvidare).</summary>
    public int? DurationWeeks { get; set; }
    public decimal HoursPerWeek { get; set; }
    public OfferRequirements Requirements { get; set; } = new();
    /// <summary>How many people the workplace can supervise at once (handledarkapacitet).</summary>
    public int SupervisorCapacity { get; set; }
    /// <summary>Adaptations the workplace offers (anpassningar), free text each.</summary>
    public List<string> Adaptations { get; set; } = [];
    public OfferStatus Status { get; private set; } = OfferStatus.Open;
    /// <summary>The actor the publisher acted for: the employer's own, or the agency posting on its behalf.</summary>
    public Guid PublishedByActorId { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset? FilledAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; set; }

    /// <summary>Moves the offer on; false (and no change) when the status does not allow it.</summary>
    public bool TryMoveTo(OfferStatus next, DateTimeOffset at)
    {
        if (!OfferStatusRules.CanMove(Status, next))
            return false;
        Status = next;
        if (next == OfferStatus.Filled) FilledAt = at;
        if (next == OfferStatus.Closed) ClosedAt = at;
        return true;
    }
}

public sealed record OfferRequirements
{
    public List<string> Skills { get; init; } = [];
    public SwedishLevel SwedishLevel { get; init; } = SwedishLevel.None;
    public bool DrivingLicence { get; init; }
}

/// <summary>Swedish needed for the work. In JSON: none, basic, intermediate, advanced, fluent.</summary>
public enum SwedishLevel
{
    /// <summary>No Swedish needed.</summary>
    None,
    /// <summary>Everyday phrases, simple instructions (about CEFR A1–A2).</summary>
    Basic,
    /// <summary>Can follow work conversations and instructions (about B1).</summary>
    Intermediate,
    /// <summary>Works independently in Swedish, writes reports (about B2).</summary>
    Advanced,
    /// <summary>Fluent or native (C1–C2).</summary>
    Fluent,
}

public enum OfferStatus
{
    Open,
    Filled,
    Closed,
}

/// <summary>open → filled → closed; an open offer may also be closed directly (withdrawn). Nothing goes back.</summary>
public static class OfferStatusRules
{
    public static bool CanMove(OfferStatus from, OfferStatus to) => (from, to) switch
    {
        (OfferStatus.Open, OfferStatus.Filled) => true,
        (OfferStatus.Open, OfferStatus.Closed) => true,
        (OfferStatus.Filled, OfferStatus.Closed) => true,
        _ => false,
    };
}
