using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class RetentionRulesTests
{
    [Fact]
    public void A_record_is_kept_whole_years_after_exit_and_expires_the_day_after()
    {
        // Exit 2021-03-15, five years: kept through 2026-03-15, expired from 2026-03-16.
        Assert.True(new DateOnly(2021, 3, 15) > RetentionRules.LatestExpiredExit(5, new DateOnly(2026, 3, 15)));
        Assert.True(new DateOnly(2021, 3, 15) <= RetentionRules.LatestExpiredExit(5, new DateOnly(2026, 3, 16)));
    }
}
