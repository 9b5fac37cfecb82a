using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Model;

/// <summary>How cross-tables name their dimensions and keys (Swedish for readers, English on request).</summary>
public static class CrossTableLabels
{
    public static string Dimension(Dimension dimension, ReportLanguage language) => (dimension.Name, language == ReportLanguage.Swedish) switch
    {
        (Dimensions.LabourMarketStatus, true) => "ställning på arbetsmarknaden vid start",
        (Dimensions.LabourMarketStatus, false) => "labour-market status at start",
        (Dimensions.EducationLevel, true) => "utbildningsnivå vid start",
        (Dimensions.EducationLevel, false) => "education level at start",
        (Dimensions.BenefitAtStart, true) => "ersättning vid start",
        (Dimensions.BenefitAtStart, false) => "benefit at start",
        (Dimensions.ExitOutcome, true) => "utfall",
        (Dimensions.ExitOutcome, false) => "outcome",
        _ => ReportLabels.Dimension(dimension.Name, language),
    };

    /// <summary>A key's label; referring actors by the names in <paramref name="actorNames"/>, unknown ones by their id.</summary>
    public static string Key(Dimension dimension, string key, IReadOnlyDictionary<Guid, string> actorNames, ReportLanguage language)
    {
        if (key == Dimensions.UnknownKey)
            return ReportLabels.Unknown(language);
        return dimension.Name switch
        {
            Dimensions.ReferringActor => Guid.TryParse(key, out var id) && actorNames.TryGetValue(id, out var name) ? name : key,
            Dimensions.Municipality => Municipalities.ByCode.TryGetValue(key, out var municipality) ? municipality : key,
            Dimensions.TargetGroup when Enum.TryParse<TargetGroup>(key, out var group) => ReportLabels.TargetGroup(group, language),
            Dimensions.AgeBand when Enum.TryParse<AgeBand>(key, out var band) => ReportLabels.AgeBand(band, language),
            Dimensions.ExitOutcome when Enum.TryParse<ExitOutcome>(key, out var outcome) => OutcomeLabels.Label(outcome, language),
            _ => key,
        };
    }
}
