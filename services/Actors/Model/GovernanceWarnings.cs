namespace Samverkan.Actors.Model;

/// <summary>Thresholds of the governance warnings, in configuration section <c>Governance</c>.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>
    /// Longest gap between steering-group meetings before a warning. The strategic steering group of
    /// "Fortsatt Samverkan Leder till Arbete" met 3–4 times a year, so four months.
    /// </summary>
    public int SteeringGroupMeetingIntervalMonths { get; set; } = 4;
}

public enum GovernanceWarningKind { MemberWithoutMandate = 1, NoRecentSteeringGroupMeeting = 2, DecisionOverdue = 3, CoFinancingBehindPlan = 4 }

public sealed record GovernanceWarning(
    GovernanceWarningKind Kind, Label Message, Guid? ActorId = null, Guid? MeetingId = null, int? DecisionIndex = null, DateOnly? Since = null,
    int? Year = null);

/// <summary>
/// What a steering group should hear about its own governance, as pure rules over the current state:
/// a member actor no one with a mandate represents; too long since the steering group met (counted from the
/// collaboration's start while it has never met; only while the collaboration runs); decisions past their
/// follow-up date and not done; a contributing actor whose co-financing is forecast to fall short of its year's plan
/// (<see cref="CoFinancingForecast"/>).
/// </summary>
public static class GovernanceWarnings
{
    public static IReadOnlyList<GovernanceWarning> Evaluate(
        Collaboration collaboration, Governance? governance, IEnumerable<Meeting> meetings, DateOnly today, GovernanceOptions options,
        CoFinancingForecastResult? coFinancing = null)
    {
        var warnings = new List<GovernanceWarning>();
        var steering = governance?.SteeringGroup ?? [];
        foreach (var actorId in collaboration.CurrentMembers(today).Select(m => m.ActorId).Distinct())
        {
            if (!steering.Any(s => s.ActorId == actorId && s.HasMandate))
                warnings.Add(new(GovernanceWarningKind.MemberWithoutMandate,
                    new("Medlemmen saknar en representant med mandat i styrgruppen.", "The member has no representative with a mandate in the steering group."),
                    ActorId: actorId));
        }

        var all = meetings.ToList();
        if (collaboration.StartDate <= today && today <= collaboration.EndDate)
        {
            var last = all.Where(m => m.Kind == MeetingKind.SteeringGroup && m.Date <= today).Select(m => (DateOnly?)m.Date).Max();
            var since = last ?? collaboration.StartDate;
            if (since.AddMonths(options.SteeringGroupMeetingIntervalMonths) < today)
                warnings.Add(new(GovernanceWarningKind.NoRecentSteeringGroupMeeting, last is null
                        ? new($"Styrgruppen har inte mötts sedan samverkan startade ({since:yyyy-MM-dd}).", $"The steering group has not met since the collaboration started ({since:yyyy-MM-dd}).")
                        : new($"Styrgruppen har inte mötts sedan {since:yyyy-MM-dd}.", $"The steering group has not met since {since:yyyy-MM-dd}."),
                    Since: since));
        }

        foreach (var meeting in all.OrderBy(m => m.Date))
        {
            for (var i = 0; i < meeting.Decisions.Count; i++)
            {
                var decision = meeting.Decisions[i];
                if (!decision.Done && decision.FollowUpDate is { } due && due < today)
                    warnings.Add(new(GovernanceWarningKind.DecisionOverdue,
                        new($"Beslutet skulle följas upp {due:yyyy-MM-dd} och är inte klart.", $"The decision was due for follow-up on {due:yyyy-MM-dd} and is not done."),
                        MeetingId: meeting.Id, DecisionIndex: i, Since: due));
            }
        }
        foreach (var year in coFinancing?.Years ?? [])
        {
            foreach (var actor in year.Actors.Where(a => a.BehindPlan))
            {
                var forecast = Hours(actor.ForecastHours!.Value);
                var planned = Hours(actor.PlannedHours);
                var percent = Math.Round(actor.ShortfallShare!.Value * 100, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture);
                warnings.Add(new(GovernanceWarningKind.CoFinancingBehindPlan,
                    new($"Medfinansieringen {year.Year} ligger efter plan: prognosen är {forecast} timmar av planerade {planned} ({percent} % under).",
                        $"Co-financing for {year.Year} is behind plan: the forecast is {forecast} hours of the {planned} planned ({percent} % short)."),
                    ActorId: actor.ActorId, Year: year.Year));
            }
        }
        return warnings;
    }

    private static string Hours(decimal hours) => Math.Round(hours, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
