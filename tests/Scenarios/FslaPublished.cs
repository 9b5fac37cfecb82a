namespace Samverkan.Scenarios;

/// <summary>
/// The figures the FSLA final report published (../shared/scenarios/fsla.json), as the scenario reproduces
/// them. Shares are whole percent, as printed. Where the report contradicts itself this holds the figure the
/// scenario follows; docs/decisions/0002-fsla-scenario.md lists the others.
/// </summary>
public static class FslaPublished
{
    public const string CollaborationName = "Fortsatt Samverkan Leder till Arbete";
    public static readonly DateOnly PeriodStart = new(2020, 8, 15);
    public static readonly DateOnly PeriodEnd = new(2022, 12, 31);

    /// <summary>"i oktober fanns … avslutats": every exit is on or before this day.</summary>
    public static readonly DateOnly ExitsCountedBy = new(2022, 10, 31);

    public const int TargetTotal = 446, TargetWomen = 223, TargetMen = 223;
    public const int TargetWorkOrStudiesPercent = 60;

    public const int Started = 437, StartedWomen = 228, StartedMen = 209;

    /// <summary>Participants started in the municipalities the report counts.</summary>
    public static readonly IReadOnlyDictionary<string, int> StartedByMunicipality = new Dictionary<string, int>
    {
        ["Mönsterås"] = 88, ["Västervik"] = 82, ["Hultsfred"] = 65, ["Borgholm"] = 16, ["Vimmerby"] = 13,
    };

    /// <summary>"kvinnor … överrepresenterade i Vimmerby (77%), Emmaboda (71%) och Nybro (69%)".</summary>
    public static readonly IReadOnlyDictionary<string, int> WomenPercentByMunicipality = new Dictionary<string, int>
    {
        ["Vimmerby"] = 77, ["Emmaboda"] = 71, ["Nybro"] = 69,
    };

    /// <summary>
    /// "män … överrepresenterade i Borgholm (88%) och Mönsterås (65%)". fsla.json gives these as women's shares
    /// of 12 % and 35 %, their complements; the report printed the men's.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> MenPercentByMunicipality = new Dictionary<string, int>
    {
        ["Borgholm"] = 88, ["Mönsterås"] = 65,
    };

    /// <summary>fsla.json's women's shares for Borgholm and Mönsterås: 100 less the men's printed share.</summary>
    public static readonly IReadOnlyDictionary<string, int> WomenPercentAsComplement = new Dictionary<string, int>
    {
        ["Borgholm"] = 12, ["Mönsterås"] = 35,
    };

    /// <summary>219 women + 195 men: 414, which the scenario follows (the report's "404" does not add up).</summary>
    public const int Exited = 414, ExitedWomen = 219, ExitedMen = 195;
    public const int ExitedWomenPercent = 53, ExitedMenPercent = 47;

    public static readonly OutcomePercents All = new(Work: 40, Studies: 9, WorkOrStudies: 49, Internship: 12, JobSeeking: null);
    public static readonly OutcomePercents Men = new(Work: 44, Studies: 6, WorkOrStudies: 50, Internship: null, JobSeeking: 14);
    public static readonly OutcomePercents Women = new(Work: 37, Studies: 11, WorkOrStudies: 48, Internship: null, JobSeeking: 21);

    public const int BorgholmExited = 15, BorgholmWorkPercent = 73;
    public const int VimmerbyExited = 13, VimmerbyStudiesPercent = 38;
    public const int VastervikInternshipPercent = 39;
    public const int NybroOtherAmongWomenPercent = 61;

    /// <summary>The ESF programme average the report compares with (Socialfondens mål 2:3).</summary>
    public const int ReferenceWorkPercent = 22, ReferenceEducationPercent = 12, ReferenceWorkOrEducationPercent = 34;

    public const int OcnRegistered = 84, OcnWomen = 44, OcnMen = 40, OcnCertificates = 44;
    public static readonly IReadOnlyList<string> OcnMunicipalities = ["Emmaboda", "Mönsterås", "Torsås", "Västervik"];
}

/// <summary>Outcome shares in whole percent; null where the report gives none for that group.</summary>
public sealed record OutcomePercents(int Work, int Studies, int WorkOrStudies, int? Internship, int? JobSeeking);

/// <summary>How the report rounds: whole percent, halves away from zero (as a spreadsheet does).</summary>
public static class PublishedRounding
{
    public static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>A share given as a fraction or as a percent with decimals, rounded the same way.</summary>
    public static int Percent(decimal share, bool isFraction) =>
        (int)Math.Round(isFraction ? 100m * share : share, MidpointRounding.AwayFromZero);
}
