using Samverkan.Contracts.Employers;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Reporting.Model;

/// <summary>
/// How the collaboration works with employers: contacts (counts of organisations' contacts, exact for all),
/// offers, and the participants placed and their days to first employer contact (counts of people, suppressed
/// for viewers outside the collaboration).
/// </summary>
public sealed record EmployerEngagementReport(
    DateOnly AsOf, DateOnly? From, Guid? CollaborationId, bool Exact, int? SuppressionThreshold,
    int EmployersContacted, int Contacts, IReadOnlyList<AgencyContacts> ContactsByAgency, IReadOnlyList<OfferKindFigures> OffersByKind,
    IReadOnlyList<ColumnHeader> PlacementColumns, IReadOnlyList<PlacementRow> Placements, PlacementRow PlacementTotals, FirstContactFigures DaysToFirstContact);

public sealed record AgencyContacts(Guid ActorId, string Name, int Contacts, int Employers);

public sealed record OfferKindFigures(string Kind, string Label, int Offers, int Places, int Filled);

/// <summary>Placements started by offer kind: in a placement (internship, work trial) or employed.</summary>
public sealed record PlacementRow(string Key, string Label, Cell Placed, Cell Employed, Cell Total);

/// <summary>Median days from enrolment start to the participant's first presentation to an employer.</summary>
public sealed record FirstContactFigures(Cell Participants, decimal? MedianDays, bool Suppressed);

public static class EmployerEngagementBuilder
{
    public static EmployerEngagementReport Build(
        DateOnly asOf, DateOnly? from, Guid? collaborationId,
        IReadOnlyCollection<(Guid EmployerId, Guid ActorId)> contacts, IReadOnlyDictionary<Guid, string> agencyNames,
        IReadOnlyCollection<OfferFact> offers, IReadOnlyCollection<(int OfferKind, int Stage)> placements,
        IReadOnlyCollection<(int Days, int Count)> daysToFirstContact, ReportLanguage language, int? threshold)
    {
        var sv = language == ReportLanguage.Swedish;
        var byAgency = contacts.GroupBy(c => c.ActorId)
            .Select(g => new AgencyContacts(g.Key, agencyNames.GetValueOrDefault(g.Key, g.Key.ToString()), g.Count(), g.Select(c => c.EmployerId).Distinct().Count()))
            .OrderByDescending(a => a.Contacts).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        var byKind = Enum.GetValues<OfferKind>().Select(k =>
        {
            var of = offers.Where(o => o.Kind == (int)k).ToList();
            return new OfferKindFigures(KebabCaseEnum.Name(k), Label(k, language), of.Count, of.Sum(o => o.Places), of.Count(o => o.Filled));
        }).ToList();

        // Placements: offer kind × (placed, employed, total), a partition with its totals row.
        var lattice = new CountLattice();
        var kinds = Enum.GetValues<OfferKind>();
        var rows = kinds.Select(k =>
        {
            int placed = placements.Count(p => p.OfferKind == (int)k && p.Stage == (int)PipelineStage.Placed);
            int employed = placements.Count(p => p.OfferKind == (int)k && p.Stage == (int)PipelineStage.Employed);
            var cells = lattice.AddRow([placed, employed, placed + employed]);
            lattice.Line(cells);
            return cells;
        }).ToList();
        var totals = lattice.AddRow([.. Enumerable.Range(0, 3).Select(c => rows.Sum(r => lattice.Value(r[c])))]);
        lattice.Line(totals);
        for (var c = 0; c < 3; c++)
            lattice.Line([.. rows.Select(r => r[c]), totals[c]]);
        var hidden = threshold is { } t ? lattice.Suppress(t) : [];
        Cell CellAt(int cell) => threshold is { } th && hidden[cell] ? Cell.Hidden(th) : Cell.Shown(lattice.Value(cell));
        var placementRows = kinds.Select((k, i) => new PlacementRow(KebabCaseEnum.Name(k), Label(k, language), CellAt(rows[i][0]), CellAt(rows[i][1]), CellAt(rows[i][2]))).ToList();
        var placementTotals = new PlacementRow("", ReportLabels.Total(language), CellAt(totals[0]), CellAt(totals[1]), CellAt(totals[2]));

        var n = daysToFirstContact.Sum(d => d.Count);
        var firstContact = threshold is { } limit && n > 0 && n < limit
            ? new FirstContactFigures(Cell.Hidden(limit), null, true)
            : new FirstContactFigures(Cell.Shown(n), Median(daysToFirstContact), false);

        return new EmployerEngagementReport(asOf, from, collaborationId, threshold is null, threshold,
            contacts.Select(c => c.EmployerId).Distinct().Count(), contacts.Count, byAgency, byKind,
            [new("placed", sv ? "i praktik eller prövning" : "in a placement"), new("employed", sv ? "anställda" : "employed"), new("total", ReportLabels.Total(language))],
            placementRows, placementTotals, firstContact);
    }

    /// <summary>The median of a histogram (days → participants); the mean of the two middle values when the count is even.</summary>
    public static decimal? Median(IReadOnlyCollection<(int Days, int Count)> histogram)
    {
        var n = histogram.Sum(h => h.Count);
        if (n == 0)
            return null;
        int? ValueAt(int position)
        {
            var seen = 0;
            foreach (var (days, count) in histogram.OrderBy(h => h.Days))
            {
                seen += count;
                if (seen >= position)
                    return days;
            }
            return null;
        }
        var lower = ValueAt((n + 1) / 2)!.Value;
        var upper = ValueAt(n / 2 + 1)!.Value;
        return n % 2 == 1 ? lower : (lower + upper) / 2m;
    }

    private static string Label(OfferKind kind, ReportLanguage language) => (kind, language == ReportLanguage.Swedish) switch
    {
        (OfferKind.Internship, true) => "praktikplats",
        (OfferKind.WorkTrial, true) => "prövningsplats",
        (OfferKind.Job, true) => "anställning",
        (OfferKind.SubsidisedJob, true) => "anställning med stöd",
        (OfferKind.SummerJob, true) => "feriejobb",
        _ => KebabCaseEnum.Name(kind).Replace('-', ' '),
    };
}
