using Samverkan.Contracts.Employers;
using Samverkan.ServiceDefaults.Contacts;

namespace Samverkan.Employers.Model;

/// <summary>An employer (arbetsgivare) in the shared register: one record per organisationsnummer, for all agencies.</summary>
public sealed class Employer
{
    public Guid Id { get; init; }
    /// <summary>Organisationsnummer, normalised to ten digits. Identifies the employer: never changes.</summary>
    public required string OrganisationNumber { get; init; }
    public required string Name { get; set; }
    /// <summary>SNI 2007 code, five digits without the dot.</summary>
    public required string IndustryCode { get; set; }
    /// <summary>SCB kommunkod.</summary>
    public required string MunicipalityCode { get; set; }
    public SizeBand SizeBand { get; set; }
    public List<ContactPerson> Contacts { get; set; } = [];
    /// <summary>The agency (a known actor) that owns the relationship with the employer.</summary>
    public Guid OwnerActorId { get; set; }
    /// <summary>
    /// The employer organisation's own actor id, when it is registered as an actor. Tokens with role
    /// employer carry it in their <c>agency</c> claim: that is how an employer's users find their record.
    /// </summary>
    public Guid? ActorId { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>
    /// Raised by one with every event about the employer (1 at registration) and carried in it: Reporting's copy applies
    /// a state only when it is newer (<see cref="ServiceDefaults.Messaging.Copies"/>).
    /// </summary>
    public long Revision { get; set; } = 1;
    /// <summary>PostgreSQL's xmin, the ETag.</summary>
    public uint Version { get; set; }
}
