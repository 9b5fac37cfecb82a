using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Scenarios;

/// <summary>One organisation in the FSLA collaboration, as the loader registers it in Actors.</summary>
public sealed record FslaActor(
    string Key, string Name, ActorSector Sector, ActorKind Kind, string? MunicipalityCode, MemberRole Role, string OrganisationNumber);

/// <summary>
/// The members of "Fortsatt Samverkan Leder till Arbete": the owner, the nine municipalities' labour-market
/// units (arbetsmarknadsenheter), four partners and Arbetsförmedlingen in the steering group only.
/// </summary>
public static class FslaActors
{
    public const string Owner = "kommunforbundet";
    public const string SocialInsurance = "forsakringskassan";
    public const string EmploymentService = "arbetsformedlingen";
    public const string Region = "region-kalmar-lan";
    public const string CoordinationAssociation = "samordningsforbundet";
    public const string BusinessAssociation = "foretagarna";

    /// <summary>The key of a municipality's labour-market unit: "municipality-" and its kommunkod.</summary>
    public static string MunicipalityUnit(string municipalityCode) => $"municipality-{municipalityCode}";

    public static IReadOnlyList<FslaActor> All { get; } = Build();

    public static FslaActor ByKey(string key) => All.Single(a => a.Key == key);

    private static List<FslaActor> Build()
    {
        var actors = new List<FslaActor>
        {
            Actor(Owner, "Kommunförbundet Kalmar län", ActorSector.Public, ActorKind.Other, "0880", MemberRole.Owner),
        };
        foreach (var m in FslaMunicipalities.All)
            actors.Add(Actor(MunicipalityUnit(m.Code), $"{m.Name} kommun, arbetsmarknadsenheten", ActorSector.Public, ActorKind.Municipality, m.Code, MemberRole.Partner));
        actors.Add(Actor(SocialInsurance, "Försäkringskassan", ActorSector.Public, ActorKind.SocialInsurance, null, MemberRole.Partner));
        actors.Add(Actor(Region, "Region Kalmar län", ActorSector.Public, ActorKind.Region, "0880", MemberRole.Partner));
        actors.Add(Actor(CoordinationAssociation, "Samordningsförbundet i Kalmar län", ActorSector.Public, ActorKind.CoordinationAssociation, "0880", MemberRole.Partner));
        actors.Add(Actor(BusinessAssociation, "Företagarna", ActorSector.Business, ActorKind.BusinessAssociation, "0880", MemberRole.Partner));
        actors.Add(Actor(EmploymentService, "Arbetsförmedlingen", ActorSector.Public, ActorKind.EmploymentService, null, MemberRole.StrategicOnly));
        return actors;
    }

    private static FslaActor Actor(string key, string name, ActorSector sector, ActorKind kind, string? municipality, MemberRole role) =>
        new(key, name, sector, kind, municipality, role, OrganisationNumberFor(key));

    /// <summary>
    /// A made-up but valid organisationsnummer, the same for the same key in every run (so a second run finds
    /// the actors the first one registered): "55" (the aktiebolag range, as the tests use), a third digit of at
    /// least 2, six digits from the key, and the Luhn check digit. Real numbers are not used on purpose.
    /// </summary>
    internal static string OrganisationNumberFor(string key)
    {
        var hash = 0u;
        foreach (var ch in key)
            hash = unchecked(hash * 31 + ch);
        var body = $"559{hash % 1_000_000:D6}";
        return body + Luhn.CheckDigit(body);
    }
}
