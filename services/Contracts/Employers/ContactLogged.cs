namespace Samverkan.Contracts.Employers;

/// <summary>
/// An agency logged (or planned, when <see cref="Planned"/>) a contact with an employer. Carries no
/// names, notes or purpose text: those stay in the shared contact log.
/// </summary>
public sealed record ContactLogged
{
    public required Guid ContactId { get; init; }
    public required Guid EmployerId { get; init; }
    /// <summary>The agency that made the contact.</summary>
    public required Guid ActorId { get; init; }
    public required DateOnly Date { get; init; }
    public required ContactChannel Channel { get; init; }
    /// <summary>True when the date was in the future when logged: a planned contact.</summary>
    public required bool Planned { get; init; }
    public required DateTimeOffset LoggedAt { get; init; }
}
