namespace Samverkan.Employers.Model;

/// <summary>How far apart two municipalities are, in the coarse model this service uses.</summary>
public enum DistanceBand
{
    SameMunicipality,
    /// <summary>Same county (län): the first two digits of the kommunkod agree.</summary>
    SameCounty,
    OtherCounty,
}

/// <summary>
/// Distance between a participant's home and a workplace without coordinates: the repository carries SCB's
/// municipality list but no centroids, and none could be sourced reliably, so the model is "same municipality /
/// same county / other" with a nominal commute for each band (0, 40 and 150 km) compared with the participant's
/// maximum commute. Coarse on purpose and stated in every reason; swap in centroids here when they exist.
/// </summary>
public static class DistanceModel
{
    public const int SameCountyKm = 40;
    public const int OtherCountyKm = 150;

    public static DistanceBand Band(string home, string work) =>
        string.Equals(home, work, StringComparison.Ordinal) ? DistanceBand.SameMunicipality
        : home.Length == 4 && work.Length == 4 && home[0] == work[0] && home[1] == work[1] ? DistanceBand.SameCounty
        : DistanceBand.OtherCounty;

    public static int NominalKm(DistanceBand band) => band switch
    {
        DistanceBand.SameMunicipality => 0,
        DistanceBand.SameCounty => SameCountyKm,
        _ => OtherCountyKm,
    };

    public static bool WithinCommute(DistanceBand band, int maxCommuteKm) => NominalKm(band) <= maxCommuteKm;
}
