using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>The session settings Reporting's reads are planned under (see ApplicationServiceExtensions).</summary>
public sealed class ReportConnectionSettingsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task Reporting_connections_use_generic_plans_and_no_parallel_workers()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.ReportingDbContext>();

        Assert.Equal("force_generic_plan", await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());
        Assert.Equal("0", await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync());
    }
}
