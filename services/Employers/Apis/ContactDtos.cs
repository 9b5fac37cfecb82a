using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Apis;

/// <summary>Logs a contact with an employer, or plans one (a future date). The agency is the caller's.</summary>
public sealed record LogContactRequest
{
    /// <summary>Who at the agency made (or will make) the contact.</summary>
    [Required, StringLength(200, MinimumLength = 1)]
    public string? StaffMember { get; init; }

    [Required, PlausibleDate]
    public DateOnly? Date { get; init; }

    [Required]
    public ContactChannel? Channel { get; init; }

    [Required, StringLength(500, MinimumLength = 1)]
    public string? Purpose { get; init; }

    [StringLength(4000)]
    public string? Notes { get; init; }

    [StringLength(1000)]
    public string? NextStep { get; init; }
}

/// <summary>Another agency's contact with the same employer inside the window.</summary>
public sealed record ContactWarning(Guid ActorId, string ActorName, DateOnly Date);

public sealed record ContactResponse(
    Guid Id, Guid EmployerId, Guid ActorId, string? ActorName, string StaffMember, DateOnly Date, ContactChannel Channel,
    string Purpose, string? Notes, string? NextStep, bool Planned, DateTimeOffset LoggedAt)
{
    public static ContactResponse From(EmployerContact c, string? actorName, DateOnly today) => new(
        c.Id, c.EmployerId, c.ActorId, actorName, c.StaffMember, c.Date, c.Channel, c.Purpose, c.Notes, c.NextStep,
        c.Date > today, c.LoggedAt);
}

/// <summary>The logged contact and the other agencies that contacted the employer inside the window (empty when none).</summary>
public sealed record LoggedContactResponse(ContactResponse Contact, IReadOnlyList<ContactWarning> Warnings);
