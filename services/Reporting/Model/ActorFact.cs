using Samverkan.Contracts.Actors;

namespace Samverkan.Reporting.Model;

/// <summary>
/// What Reporting counts about an actor, taken from <see cref="ActorRegistered"/>. Only the facts reports
/// group by and the name they label rows with (an organisation's name, not a person's); the organisationsnummer
/// stays with Actors.
/// </summary>
public sealed class ActorFact
{
    public Guid ActorId { get; init; }
    public string Name { get; set; } = "";
    public ActorSector Sector { get; set; }
    public ActorKind Kind { get; set; }
    /// <summary>SCB kommunkod.</summary>
    public string? MunicipalityCode { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public static ActorFact From(ActorRegistered registered)
    {
        var fact = new ActorFact { ActorId = registered.ActorId };
        fact.Apply(registered);
        return fact;
    }

    /// <summary>
    /// Takes the facts of a registration seen again (a replay of history, or one sent under a new message id):
    /// the actor keeps its one row, so it is never counted twice.
    /// </summary>
    public void Apply(ActorRegistered registered)
    {
        Name = registered.Name;
        Sector = registered.Sector;
        Kind = registered.Kind;
        MunicipalityCode = registered.MunicipalityCode;
        RegisteredAt = registered.RegisteredAt;
    }
}
