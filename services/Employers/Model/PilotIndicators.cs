using Samverkan.Contracts.Employers;

namespace Samverkan.Employers.Model;

/// <summary>A pipeline as the indicators read it.</summary>
public sealed record PipelineFacts(
    Guid PipelineId, Guid? ParticipantId, string Pilot, Guid PilotActorId, DateOnly ProposedOn, DateOnly? PresentedOn,
    DateOnly? PlacedOn, DateOnly? EmployedOn, DateOnly? EndedOn);

public sealed record SupportFacts(Guid PipelineId, DateOnly Date, SupportParty With, string LoggedBy);

/// <summary>The job-seeker pilot's indicators for one pilot over a period, all computed from the data itself.</summary>
public sealed record PilotIndicatorRow(
    string Pilot,
    Guid PilotActorId,
    /// <summary>Participants with a pipeline open on the period's last day.</summary>
    int Caseload,
    /// <summary>Presentations to employers plus support contacts with employers in the period.</summary>
    int EmployerContacts,
    decimal EmployerContactsPerWeek,
    /// <summary>Participants whose first presentation to an employer fell in the period and whose enrolment is known.</summary>
    int ParticipantsWithFirstEmployerContact,
    decimal? AverageDaysEnrolmentToFirstEmployerContact,
    /// <summary>Participants with a pipeline proposed in the period, and how many of them were placed or employed.</summary>
    int ParticipantsProposed,
    int ParticipantsPlaced,
    decimal? SharePlaced,
    int FollowUpMonths,
    int FollowUpMonthsCovered,
    decimal? FollowUpCoverage);

/// <summary>
/// Computes the indicators. Definitions (also in README): caseload = distinct participants with a pipeline open on
/// <c>to</c>; employer contacts = presentations in the period + support contacts with the employer in the period,
/// per week = that / (days / 7); days to first employer contact = the participant's first presentation by this pilot
/// minus the earliest enrolment start, for first presentations in the period; share placed = of the participants
/// proposed in the period, those who reached placed or employed by <c>to</c>; follow-up coverage =
/// <see cref="SupportSchedule.Coverage"/> summed over the pilot's placements. An erased participant counts under
/// its pipeline's id, since the link is gone.
/// </summary>
public static class PilotIndicators
{
    public static IReadOnlyList<PilotIndicatorRow> Compute(
        IReadOnlyList<PipelineFacts> pipelines, IReadOnlyList<SupportFacts> support,
        IReadOnlyDictionary<Guid, DateOnly> enrolmentStarts, DateOnly from, DateOnly to)
    {
        var supportByPipeline = support.ToLookup(s => s.PipelineId);
        var weeks = (to.DayNumber - from.DayNumber + 1) / 7m;
        return pipelines
            .GroupBy(p => (p.Pilot, p.PilotActorId))
            .OrderBy(g => g.Key.PilotActorId).ThenBy(g => g.Key.Pilot, StringComparer.Ordinal)
            .Select(g =>
            {
                static Guid Who(PipelineFacts p) => p.ParticipantId ?? p.PipelineId;
                var list = g.ToList();
                var caseload = list.Where(p => p.ProposedOn <= to && (p.EndedOn is null || p.EndedOn > to)).Select(Who).Distinct().Count();

                var presentations = list.Count(p => p.PresentedOn >= from && p.PresentedOn <= to);
                var employerSupport = list.SelectMany(p => supportByPipeline[p.PipelineId])
                    .Count(s => s.With == SupportParty.Employer && s.Date >= from && s.Date <= to);
                var contacts = presentations + employerSupport;

                var days = list.Where(p => p.ParticipantId is not null && p.PresentedOn is not null)
                    .GroupBy(p => p.ParticipantId!.Value)
                    .Select(pg => (Participant: pg.Key, First: pg.Min(p => p.PresentedOn!.Value)))
                    .Where(x => x.First >= from && x.First <= to && enrolmentStarts.ContainsKey(x.Participant))
                    .Select(x => x.First.DayNumber - enrolmentStarts[x.Participant].DayNumber)
                    .ToList();

                var proposed = list.Where(p => p.ProposedOn >= from && p.ProposedOn <= to).Select(Who).ToHashSet();
                var placed = list.Where(p => proposed.Contains(Who(p)) && ((p.PlacedOn ?? p.EmployedOn) is { } s) && s <= to)
                    .Select(Who).Distinct().Count();

                var covered = 0;
                var months = 0;
                foreach (var p in list)
                {
                    if ((p.PlacedOn ?? p.EmployedOn) is not { } started) continue;
                    var (c, m) = SupportSchedule.Coverage(started, p.EndedOn, supportByPipeline[p.PipelineId].Select(s => s.Date).ToList(), from, to);
                    covered += c;
                    months += m;
                }

                return new PilotIndicatorRow(
                    g.Key.Pilot, g.Key.PilotActorId, caseload, contacts, weeks == 0 ? 0 : Math.Round(contacts / weeks, 2),
                    days.Count, days.Count == 0 ? null : Math.Round((decimal)days.Average(), 1),
                    proposed.Count, placed, proposed.Count == 0 ? null : Math.Round((decimal)placed / proposed.Count, 3),
                    months, covered, months == 0 ? null : Math.Round((decimal)covered / months, 3));
            })
            .ToList();
    }
}
