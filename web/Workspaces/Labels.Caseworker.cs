namespace Samverkan.Web.Workspaces;

/// <summary>Swedish labels for the Participants API's wire values the caseworker's pages show and send.</summary>
public static partial class Labels
{
    public static readonly IReadOnlyDictionary<string, string> IdentityKind = new Dictionary<string, string>
    {
        ["personal-identity-number"] = "Personnummer", ["coordination-number"] = "Samordningsnummer",
        ["anonymous"] = "Anonym", ["protected-identity"] = "Skyddad identitet",
    };

    /// <summary>Enrolment without a number (the API's <c>withoutNumber</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutNumber = new Dictionary<string, string>
    {
        ["anonymous"] = "Anonym (utan personnummer)", ["protected-identity"] = "Skyddad identitet",
    };

    public static readonly IReadOnlyDictionary<string, string> EnrolGender = new Dictionary<string, string>
    {
        ["woman"] = "Kvinna", ["man"] = "Man", ["non-binary"] = "Icke-binär",
    };

    public static readonly IReadOnlyDictionary<string, string> AgeBand = new Dictionary<string, string>
    {
        ["under-18"] = "Under 18 år", ["18-24"] = "18–24 år", ["25-29"] = "25–29 år", ["30-54"] = "30–54 år", ["55-and-over"] = "55 år och äldre",
    };

    public static readonly IReadOnlyDictionary<string, string> TargetGroup = new Dictionary<string, string>
    {
        ["young"] = "Unga", ["newly-arrived"] = "Nyanlända", ["long-term-unemployed"] = "Långtidsarbetslösa",
        ["disability-reduced-work-capacity"] = "Funktionsnedsättning som medför nedsatt arbetsförmåga",
        ["sick-listed-returning-to-work"] = "Sjukskrivna på väg tillbaka till arbete", ["other"] = "Annan målgrupp",
    };

    public static readonly IReadOnlyDictionary<string, string> Benefit = new Dictionary<string, string>
    {
        ["activity-support"] = "Aktivitetsstöd", ["establishment-benefit"] = "Etableringsersättning", ["sickness-benefit"] = "Sjukpenning",
        ["rehabilitation-benefit"] = "Rehabiliteringspenning", ["activity-compensation"] = "Aktivitetsersättning",
        ["sickness-compensation"] = "Sjukersättning", ["financial-assistance"] = "Ekonomiskt bistånd",
        ["unemployment-insurance"] = "A-kassa", ["salary"] = "Lön", ["none"] = "Ingen ersättning",
    };

    public static readonly IReadOnlyDictionary<string, string> LabourMarketStatus = new Dictionary<string, string>
    {
        ["unemployed"] = "Arbetslös", ["long-term-unemployed"] = "Långtidsarbetslös",
        ["inactive"] = "Står utanför arbetskraften", ["employed"] = "Sysselsatt (även egenföretagare)",
    };

    public static readonly IReadOnlyDictionary<string, string> EducationLevel = new Dictionary<string, string>
    {
        ["primary-or-lower-secondary"] = "Högst grundskola (ISCED 0–2)",
        ["upper-secondary-or-post-secondary"] = "Gymnasium eller eftergymnasial under tre år (ISCED 3–4)",
        ["tertiary"] = "Eftergymnasial (ISCED 5–8)",
    };

    public static readonly IReadOnlyDictionary<string, string> ConsentPurpose = new Dictionary<string, string>
    {
        ["share-action-plan"] = "Dela handlingsplanen", ["anonymous-profile-to-employers"] = "Anonym profil till arbetsgivare",
        ["disclose-identity-to-employer"] = "Röja identiteten för arbetsgivaren",
    };

    public static readonly IReadOnlyDictionary<string, string> ConsentMethod = new Dictionary<string, string>
    {
        ["written"] = "Skriftligt", ["oral"] = "Muntligt", ["digital"] = "Digitalt",
    };

    public static readonly IReadOnlyDictionary<string, string> PlanTrack = new Dictionary<string, string>
    {
        ["health"] = "Hälsa", ["studies"] = "Studier", ["work"] = "Arbete",
    };

    public static readonly IReadOnlyDictionary<string, string> CommitmentStatus = new Dictionary<string, string>
    {
        ["planned"] = "Planerad", ["started"] = "Påbörjad", ["done"] = "Klar", ["cancelled"] = "Avbruten",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidationMethod = new Dictionary<string, string>
    {
        ["ocn"] = "OCN-metoden", ["kga"] = "KGA (kartläggning, granskning, arbetsplatsvalidering)", ["other"] = "Annan metod",
    };

    /// <summary>An exit's outcome, and a follow-up's situation (the same values).</summary>
    public static readonly IReadOnlyDictionary<string, string> ExitOutcome = new Dictionary<string, string>
    {
        ["employment"] = "Arbete", ["subsidised-employment"] = "Subventionerad anställning", ["self-employment"] = "Eget företag",
        ["studies"] = "Studier", ["internship"] = "Praktik", ["job-seeking"] = "Arbetssökande", ["other"] = "Annat",
    };

    public static readonly IReadOnlyDictionary<string, string> FollowUpPoint = new Dictionary<string, string>
    {
        ["four-weeks"] = "Efter fyra veckor", ["six-months"] = "Efter sex månader", ["twelve-months"] = "Efter tolv månader",
    };

    public static readonly IReadOnlyDictionary<string, string> BulkRowStatus = new Dictionary<string, string>
    {
        ["created"] = "Inskriven", ["already-enrolled"] = "Redan inskriven", ["rejected"] = "Avvisad",
    };

    public static readonly IReadOnlyDictionary<string, string> Role = new Dictionary<string, string>
    {
        ["caseworker"] = "Handläggare", ["coordinator"] = "Samordnare", ["admin"] = "Administratör", ["operator"] = "Plattformens operatör",
        ["employer"] = "Arbetsgivare",
    };
}

public static partial class Labels
{
    /// <summary>The enrolment's fields (and CSV columns) by the API's names, for messages about a row of a file.</summary>
    public static readonly IReadOnlyDictionary<string, string> EnrolmentField = new Dictionary<string, string>
    {
        ["collaborationId"] = "Samverkan", ["personalIdentityNumber"] = "Personnummer", ["withoutNumber"] = "Utan nummer",
        ["name"] = "Namn", ["gender"] = "Kön", ["birthDate"] = "Födelsedatum", ["municipalityCode"] = "Kommunkod",
        ["referringActorId"] = "Remitterande aktör", ["referralDate"] = "Remissdatum", ["targetGroups"] = "Målgrupper",
        ["benefitAtStart"] = "Ersättning vid start", ["labourMarketStatus"] = "Ställning på arbetsmarknaden",
        ["educationLevel"] = "Utbildning", ["startDate"] = "Startdatum", ["row"] = "Raden", ["header"] = "Rubrikraden", ["rows"] = "Filen",
    };
}
