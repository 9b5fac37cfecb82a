using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Model;

/// <summary>
/// What Reporting counts about an actor, taken from <see cref="ActorRegistered"/> and <see cref="ActorUpdated"/> (the newest revision wins). Only the facts reports
/// group by and the name they label rows with (an organisation's name, not a person's); the organisationsnummer
/// stays with Actors.
/// </summary>
public sealed class ActorFact : ICopy
{
    public Guid ActorId { get; init; }
    public string Name { get; set; } = "";
    public ActorSector Sector { get; set; }
    public ActorKind Kind { get; set; }
    /// <summary>SCB kommunkod.</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>When the facts held became true in Actors (its registration or last update); <see cref="Revision"/> orders them.</summary>
    public DateTimeOffset RegisteredAt { get; set; }
    public long Revision { get; set; }
}
