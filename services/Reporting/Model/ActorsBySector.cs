using Samverkan.Contracts.Actors;

namespace Samverkan.Reporting.Model;

public sealed record ActorsBySectorReport(int Total, IReadOnlyList<SectorCount> Sectors);

public sealed record SectorCount(ActorSector Sector, string Label, int Count);

/// <summary>Counts of actors per sector, shaped for a report: kept free of I/O so it can be tested alone.</summary>
public static class ActorsBySector
{
    /// <summary>
    /// Every sector appears, in the contract's order, with 0 where no actor belongs to it: a reader should
    /// see an empty sector, not wonder whether it was left out.
    /// </summary>
    public static ActorsBySectorReport Summarise(
        IReadOnlyDictionary<ActorSector, int> counts, ReportLanguage language = ReportLanguage.Swedish)
    {
        var sectors = Enum.GetValues<ActorSector>()
            .Select(s => new SectorCount(s, SectorLabels.For(s, language), counts.GetValueOrDefault(s)))
            .ToList();
        return new ActorsBySectorReport(sectors.Sum(s => s.Count), sectors);
    }
}
