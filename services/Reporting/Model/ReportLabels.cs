using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>How reports name dimensions, genders and keys: Swedish for readers, English on request.</summary>
public static class ReportLabels
{
    public static string Gender(Gender gender, ReportLanguage language) => (gender, language) switch
    {
        (Contracts.Participants.Gender.Woman, ReportLanguage.Swedish) => "kvinnor",
        (Contracts.Participants.Gender.Man, ReportLanguage.Swedish) => "män",
        (Contracts.Participants.Gender.NonBinary, ReportLanguage.Swedish) => "icke-binära",
        (Contracts.Participants.Gender.Woman, _) => "women",
        (Contracts.Participants.Gender.Man, _) => "men",
        (Contracts.Participants.Gender.NonBinary, _) => "non-binary",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, "No report label for this gender."),
    };

    public static string Total(ReportLanguage language) => language == ReportLanguage.Swedish ? "totalt" : "total";

    public static string Unknown(ReportLanguage language) => language == ReportLanguage.Swedish ? "okänd" : "unknown";

    public static string Dimension(string dimension, ReportLanguage language) => (dimension, language) switch
    {
        (Dimensions.Started, ReportLanguage.Swedish) => "påbörjade deltagare",
        (Dimensions.Started, _) => "participants started",
        (Dimensions.ReferringActor, ReportLanguage.Swedish) => "remitterande aktör",
        (Dimensions.ReferringActor, _) => "referring actor",
        (Dimensions.Municipality, ReportLanguage.Swedish) => "kommun",
        (Dimensions.Municipality, _) => "municipality",
        (Dimensions.TargetGroup, ReportLanguage.Swedish) => "målgrupp",
        (Dimensions.TargetGroup, _) => "target group",
        (Dimensions.AgeBand, ReportLanguage.Swedish) => "åldersgrupp",
        (Dimensions.AgeBand, _) => "age band",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "No report label for this dimension."),
    };

    public static string TargetGroup(TargetGroup group, ReportLanguage language) => (group, language) switch
    {
        (Contracts.Actors.TargetGroup.Young, ReportLanguage.Swedish) => "unga",
        (Contracts.Actors.TargetGroup.NewlyArrived, ReportLanguage.Swedish) => "nyanlända",
        (Contracts.Actors.TargetGroup.LongTermUnemployed, ReportLanguage.Swedish) => "långtidsarbetslösa",
        (Contracts.Actors.TargetGroup.DisabilityReducedWorkCapacity, ReportLanguage.Swedish) => "funktionsnedsättning med nedsatt arbetsförmåga",
        (Contracts.Actors.TargetGroup.SickListedReturningToWork, ReportLanguage.Swedish) => "sjukskrivna på väg tillbaka till arbete",
        (Contracts.Actors.TargetGroup.Other, ReportLanguage.Swedish) => "övriga",
        (Contracts.Actors.TargetGroup.Young, _) => "young people",
        (Contracts.Actors.TargetGroup.NewlyArrived, _) => "newly arrived",
        (Contracts.Actors.TargetGroup.LongTermUnemployed, _) => "long-term unemployed",
        (Contracts.Actors.TargetGroup.DisabilityReducedWorkCapacity, _) => "disability reducing work capacity",
        (Contracts.Actors.TargetGroup.SickListedReturningToWork, _) => "sick-listed returning to work",
        (Contracts.Actors.TargetGroup.Other, _) => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "No report label for this target group."),
    };

    public static string AgeBand(AgeBand band, ReportLanguage language) => band switch
    {
        Contracts.Participants.AgeBand.Under18 => language == ReportLanguage.Swedish ? "under 18 år" : "under 18",
        Contracts.Participants.AgeBand.From18To24 => language == ReportLanguage.Swedish ? "18–24 år" : "18–24",
        Contracts.Participants.AgeBand.From25To29 => language == ReportLanguage.Swedish ? "25–29 år" : "25–29",
        Contracts.Participants.AgeBand.From30To54 => language == ReportLanguage.Swedish ? "30–54 år" : "30–54",
        Contracts.Participants.AgeBand.From55 => language == ReportLanguage.Swedish ? "55 år och äldre" : "55 and over",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "No report label for this age band."),
    };
}
