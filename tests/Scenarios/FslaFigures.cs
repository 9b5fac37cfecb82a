using Samverkan.Contracts.Participants;

namespace Samverkan.Scenarios;

/// <summary>Exits of a group of participants by outcome, "work" being the three kinds of employment.</summary>
public sealed record OutcomeCounts(int Exited, int Work, int Studies, int Internship, int JobSeeking, int Other)
{
    public int WorkOrStudies => Work + Studies;

    public static OutcomeCounts Of(IEnumerable<FslaParticipant> people)
    {
        var exits = people.Where(p => p.Exit is not null).Select(p => p.Exit!.Outcome).ToList();
        return new OutcomeCounts(
            exits.Count,
            exits.Count(o => o.IsWork()),
            exits.Count(o => o == ExitOutcome.Studies),
            exits.Count(o => o == ExitOutcome.Internship),
            exits.Count(o => o == ExitOutcome.JobSeeking),
            exits.Count(o => o == ExitOutcome.Other));
    }

    /// <summary>The shares as the report prints them: whole percent of those who exited.</summary>
    public OutcomePercents Percents() => new(
        PublishedRounding.Percent(Work, Exited), PublishedRounding.Percent(Studies, Exited),
        PublishedRounding.Percent(WorkOrStudies, Exited), PublishedRounding.Percent(Internship, Exited),
        PublishedRounding.Percent(JobSeeking, Exited));

    public int PercentOf(ExitOutcome outcome) => PublishedRounding.Percent(outcome switch
    {
        ExitOutcome.Studies => Studies,
        ExitOutcome.Internship => Internship,
        ExitOutcome.JobSeeking => JobSeeking,
        ExitOutcome.Other => Other,
        _ => Work,
    }, Exited);
}

/// <summary>The figures a report over the dataset should show, computed from the records themselves.</summary>
public static class FslaFigures
{
    public static IEnumerable<FslaParticipant> In(this IEnumerable<FslaParticipant> people, string municipalityName)
    {
        var code = FslaMunicipalities.ByName(municipalityName).Code;
        return people.Where(p => p.MunicipalityCode == code);
    }

    public static IEnumerable<FslaParticipant> Of(this IEnumerable<FslaParticipant> people, Gender gender) =>
        people.Where(p => p.Gender == gender);

    public static int Exited(this IEnumerable<FslaParticipant> people) => people.Count(p => p.Exit is not null);

    public static int PercentOf(this IEnumerable<FslaParticipant> people, Gender gender)
    {
        var all = people.ToList();
        return PublishedRounding.Percent(all.Count(p => p.Gender == gender), all.Count);
    }
}
