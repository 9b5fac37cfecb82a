using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on PostgreSQL from <c>ConnectionStrings:{connectionName}</c>, with the
    /// outbox wake-up interceptor and a readiness health check.
    /// </summary>
    /// <param name="settings">The service's own connection settings, applied after the platform's.</param>
    public static IHostApplicationBuilder AddServiceDbContext<TDbContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<NpgsqlConnectionStringBuilder>? settings = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"No PostgreSQL connection string: set ConnectionStrings__{connectionName} (for example Host=localhost;Database={connectionName};Username=samverkan;Password=samverkan).");

        connectionString = WithAutoPrepare(connectionString);
        if (settings is not null)
        {
            var own = new NpgsqlConnectionStringBuilder(connectionString);
            settings(own);
            connectionString = own.ConnectionString;
        }
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDbContext>((sp, options) =>
        {
            options.UseNpgsql(connectionString);
            options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Statements run again and again (every report's counts query, the outbox's and inbox's) prepared on each pooled
    /// connection after their second use, so PostgreSQL parses and plans them once: the reports' counts queries took
    /// 20-40 % less time (bench/reporting/regional-build). A connection string that sets these keeps its own.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        // The keys actually written (Npgsql's own builder knows every keyword, set or not), spaces aside.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
            settings.MaxAutoPrepare = 32;
        if (!written.Contains("AutoPrepareMinUsages"))
            settings.AutoPrepareMinUsages = 2;
        return settings.ConnectionString;
    }

    /// <summary>
    /// Creates the database if needed and applies pending migrations. Called before the app starts listening,
    /// so a service never takes traffic against an old schema.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Samverkan.Migrations");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s) to {Database}", pending.Count, typeof(TDbContext).Name);
        await db.Database.MigrateAsync();
    }
}
