using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Contacts;

namespace Samverkan.Actors.Model;

/// <summary>An organisation taking part in collaborations: an agency, a civil-society organisation, an employer.</summary>
public sealed class Actor
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Organisationsnummer, normalised to ten digits without separator. Identifies the actor: never changes.</summary>
    public required string OrganisationNumber { get; init; }
    public ActorSector Sector { get; set; }
    public ActorKind Kind { get; set; }
    /// <summary>SCB kommunkod.</summary>
    public string? MunicipalityCode { get; set; }
    public List<ContactPerson> Contacts { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>
    /// Raised by one with every event about the actor (1 at registration) and carried in it, so that other services'
    /// copies apply a state only when it is newer (<see cref="ServiceDefaults.Messaging.Copies"/>). Unlike
    /// <see cref="Version"/> it is known before the commit and never wraps.
    /// </summary>
    public long Revision { get; set; } = 1;
    /// <summary>PostgreSQL's xmin: changes with every write of the row, so it is the ETag.</summary>
    public uint Version { get; set; }
}
