using Samverkan.Contracts.Employers;

namespace Samverkan.Employers.Model;

/// <summary>One entry in the shared contact log (arbetsgivarkontakt): a call, visit or meeting by an agency, done or planned.</summary>
public sealed class EmployerContact
{
    public Guid Id { get; init; }
    public Guid EmployerId { get; init; }
    /// <summary>The agency that made the contact (the caller's <c>agency</c> claim).</summary>
    public Guid ActorId { get; init; }
    /// <summary>Who at the agency made it. Kept in the log, never in events.</summary>
    public required string StaffMember { get; init; }
    public DateOnly Date { get; init; }
    public ContactChannel Channel { get; init; }
    public required string Purpose { get; init; }
    public string? Notes { get; init; }
    public string? NextStep { get; init; }
    public DateTimeOffset LoggedAt { get; init; }
}
