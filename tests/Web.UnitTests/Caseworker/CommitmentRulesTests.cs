using Samverkan.Web.Workspaces.Caseworker;

namespace Samverkan.Web.UnitTests.Caseworker;

public sealed class CommitmentRulesTests
{
    private static CommitmentDto Commitment(string status, DateOnly due) =>
        new(Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "work", due.AddDays(-30), due, null, status, DateTimeOffset.UtcNow, null);

    [Theory]
    [InlineData("planned", new[] { "started", "cancelled" })]
    [InlineData("started", new[] { "done", "cancelled" })]
    [InlineData("done", new string[0])]
    [InlineData("cancelled", new string[0])]
    public void Only_the_lifecycles_moves_are_offered(string status, string[] next) =>
        Assert.Equal(next, CommitmentRules.NextStatuses(status));

    [Fact]
    public void An_open_commitment_past_its_due_date_is_overdue_by_the_days_since_and_a_closed_one_never()
    {
        var today = new DateOnly(2026, 5, 20);

        Assert.Equal(5, CommitmentRules.DaysOverdue(Commitment("started", today.AddDays(-5)), today));
        Assert.Equal(0, CommitmentRules.DaysOverdue(Commitment("planned", today), today));
        Assert.Equal(0, CommitmentRules.DaysOverdue(Commitment("done", today.AddDays(-5)), today));
    }
}
