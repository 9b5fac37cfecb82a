using Npgsql;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_auto_prepare_gets_it()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithAutoPrepare("Host=localhost;Database=reportingdb;Username=samverkan"));
        Assert.Equal(32, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("reportingdb", settings.Database);
    }

    [Fact]
    public void A_connection_string_that_sets_auto_prepare_keeps_its_own()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DatabaseExtensions.WithAutoPrepare("Host=localhost;Database=reportingdb;Max Auto Prepare=0;Auto Prepare Min Usages=5"));
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(5, settings.AutoPrepareMinUsages);
    }
}
