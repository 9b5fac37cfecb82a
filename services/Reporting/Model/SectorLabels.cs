using Samverkan.Contracts.Actors;

namespace Samverkan.Reporting.Model;

/// <summary>The language of the labels in a report: Swedish for its readers, English on request.</summary>
public enum ReportLanguage
{
    Swedish,
    English,
}

/// <summary>How reports name a sector to the people who read them.</summary>
public static class SectorLabels
{
    public static string For(ActorSector sector, ReportLanguage language = ReportLanguage.Swedish) => (sector, language) switch
    {
        (ActorSector.Public, ReportLanguage.Swedish) => "Offentlig sektor",
        (ActorSector.Business, ReportLanguage.Swedish) => "Näringsliv",
        (ActorSector.CivilSociety, ReportLanguage.Swedish) => "Civilsamhälle",
        (ActorSector.Public, ReportLanguage.English) => "Public sector",
        (ActorSector.Business, ReportLanguage.English) => "Business",
        (ActorSector.CivilSociety, ReportLanguage.English) => "Civil society",
        // A sector added to the contract must get its labels here before a report can show it.
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "No report label for this sector."),
    };
}
