namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>
/// What the plan page offers for a commitment: the moves of its lifecycle (planned → started → done; planned or
/// started → cancelled), so the page does not offer a button the API would refuse, and how late it is.
/// </summary>
public static class CommitmentRules
{
    public static IReadOnlyList<string> NextStatuses(string status) => status switch
    {
        "planned" => ["started", "cancelled"],
        "started" => ["done", "cancelled"],
        _ => [],
    };

    /// <summary>Days past the due date for an open commitment (planned or started); 0 when not late.</summary>
    public static int DaysOverdue(CommitmentDto commitment, DateOnly today) =>
        commitment.Status is "planned" or "started" && commitment.DueDate < today ? today.DayNumber - commitment.DueDate.DayNumber : 0;
}
