using System.Threading.RateLimiting;
using Samverkan.Gateway.Extensions;

namespace Samverkan.Gateway.UnitTests;

/// <summary>
/// Issue #16: rate limits that hold across gateway instances. Each of N gateways enforces its share of a client's limit
/// (<see cref="RateLimitSettings.BucketPerInstance"/>), with nothing shared between them, so a client that spreads its
/// requests over every instance still gets no more than the configured limit and burst.
/// </summary>
public sealed class RateLimitAcrossInstancesTests
{
    [Theory]
    [InlineData(2000, null, 1)]
    [InlineData(2000, null, 2)]
    [InlineData(2000, 5000, 3)]
    [InlineData(10, 25, 4)]
    [InlineData(7, null, 7)]
    [InlineData(1000, 1000, 10)]
    public void A_client_spreading_a_burst_over_every_instance_gets_no_more_than_the_limit_allows(int permitsPerSecond, int? burst, int instances)
    {
        var settings = new RateLimitSettings { PermitsPerSecond = permitsPerSecond, Burst = burst };
        var buckets = Enumerable.Range(0, instances).Select(_ => settings.BucketPerInstance(instances)).ToList();

        // A burst from idle: everything every instance lets through at once, through the limiters themselves.
        var admitted = buckets.Sum(bucket =>
        {
            using var limiter = new TokenBucketRateLimiter(bucket);
            var taken = 0;
            while (limiter.AttemptAcquire().IsAcquired)
                taken++;
            return taken;
        });
        Assert.InRange(admitted, 1, Math.Max(burst ?? permitsPerSecond, permitsPerSecond));
        // Sustained: what the instances refill each second, together.
        Assert.All(buckets, b => Assert.Equal(TimeSpan.FromSeconds(1), b.ReplenishmentPeriod));
        Assert.InRange(buckets.Sum(b => b.TokensPerPeriod), 1, permitsPerSecond);
    }

    [Fact]
    public void One_instance_keeps_the_whole_limit()
    {
        var bucket = new RateLimitSettings { PermitsPerSecond = 2000, Burst = 3000 }.BucketPerInstance(1);
        Assert.Equal(2000, bucket.TokensPerPeriod);
        Assert.Equal(3000, bucket.TokenLimit);
    }

    [Fact]
    public void No_instances_is_a_configuration_error() =>
        Assert.Throws<InvalidOperationException>(() => new RateLimitSettings().BucketPerInstance(0));
}
