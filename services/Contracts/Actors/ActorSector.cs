namespace Samverkan.Contracts.Actors;

/// <summary>The sector an actor belongs to. On the wire as kebab-case: "public", "business", "civil-society".</summary>
public enum ActorSector
{
    Public = 1,
    Business = 2,
    CivilSociety = 3,
}
