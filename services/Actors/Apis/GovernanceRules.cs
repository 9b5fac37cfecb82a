using Samverkan.Actors.Model;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Rules across the governance fields, as pure functions returning errors keyed by the field at fault:
/// whoever represents an actor must represent a current member of the collaboration.
/// </summary>
public static class GovernanceRules
{
    public static Dictionary<string, string[]> Validate(GovernanceRequest request, IReadOnlySet<Guid> members)
    {
        var errors = new Dictionary<string, string[]>();
        NoEmptyEntries(request.SteeringGroup, "steeringGroup", errors);
        NoEmptyEntries(request.WorkingGroups, "workingGroups", errors);
        var steering = request.SteeringGroup ?? [];
        for (var i = 0; i < steering.Count; i++)
        {
            if (steering[i]?.ActorId is { } actorId && !members.Contains(actorId))
                errors[$"steeringGroup[{i}].actorId"] = ["A steering-group member represents a current member actor of the collaboration."];
        }
        if (request.ProcessLeader?.ActorId is { } leaderActor && !members.Contains(leaderActor))
            errors["processLeader.actorId"] = ["The process leader's actor must be a current member of the collaboration."];
        var groups = request.WorkingGroups ?? [];
        for (var g = 0; g < groups.Count; g++)
        {
            NoEmptyEntries(groups[g]?.Members, $"workingGroups[{g}].members", errors);
            var people = groups[g]?.Members ?? [];
            for (var j = 0; j < people.Count; j++)
            {
                var person = people[j];
                if (person is null)
                    continue;
                var path = $"workingGroups[{g}].members[{j}]";
                if (person.ActorId is { } actorId && !members.Contains(actorId))
                    errors[$"{path}.actorId"] = ["A working-group member represents a current member actor of the collaboration."];
                else if (person.ActorId is null && person.FromTargetGroup != true)
                    errors[$"{path}.actorId"] = ["Say which member actor the person represents, or set fromTargetGroup when they come from the target group."];
            }
        }
        return errors;
    }

    public static void Apply(Governance governance, GovernanceRequest r)
    {
        governance.SteeringGroup = (r.SteeringGroup ?? []).Select(s => new SteeringGroupMember
        {
            Name = s.Name!.Trim(), ActorId = s.ActorId!.Value, HasMandate = s.HasMandate!.Value,
        }).ToList();
        governance.ProcessLeader = r.ProcessLeader is { } p ? new ProcessLeader { Name = p.Name!.Trim(), ActorId = p.ActorId } : null;
        governance.WorkingGroups = (r.WorkingGroups ?? []).Select(w => new WorkingGroup
        {
            Name = w.Name!.Trim(), Purpose = w.Purpose!.Trim(),
            Members = (w.Members ?? []).Select(m => new WorkingGroupMember
            {
                Name = m.Name!.Trim(), ActorId = m.ActorId, FromTargetGroup = m.FromTargetGroup ?? false,
            }).ToList(),
        }).ToList();
    }

    public static Dictionary<string, string[]> Validate(MeetingRequest request, IReadOnlySet<Guid> members)
    {
        var errors = new Dictionary<string, string[]>();
        NoEmptyEntries(request.Attendees, "attendees", errors);
        NoEmptyEntries(request.Decisions, "decisions", errors);
        var attendees = request.Attendees ?? [];
        for (var i = 0; i < attendees.Count; i++)
        {
            if (attendees[i]?.ActorId is { } actorId && !members.Contains(actorId))
                errors[$"attendees[{i}].actorId"] = ["Not a current member actor of the collaboration; leave actorId out for a guest."];
        }
        var decisions = request.Decisions ?? [];
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i]?.FollowUpDate is { } due && request.Date is { } held && due < held)
                errors[$"decisions[{i}].followUpDate"] = [$"The follow-up date is before the meeting ({held:yyyy-MM-dd})."];
        }
        return errors;
    }

    public static void Apply(Meeting meeting, MeetingRequest r)
    {
        meeting.Date = r.Date!.Value;
        meeting.Kind = r.Kind!.Value;
        meeting.Attendees = (r.Attendees ?? []).Select(a => new Attendee { Name = a.Name!.Trim(), ActorId = a.ActorId }).ToList();
        meeting.Decisions = (r.Decisions ?? []).Select(d => new Decision
        {
            Text = d.Text!.Trim(), DecidedBy = d.DecidedBy!.Trim(), FollowUpDate = d.FollowUpDate, Done = d.Done ?? false,
        }).ToList();
    }

    /// <summary>A JSON <c>null</c> inside a list passes the attributes; name it here rather than fail on it later.</summary>
    private static void NoEmptyEntries<T>(List<T>? items, string path, Dictionary<string, string[]> errors) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
                errors[$"{path}[{i}]"] = ["An empty entry."];
        }
    }
}
