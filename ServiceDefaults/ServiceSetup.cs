using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// A service's set-up, run by the AppHost to completion before any service starts: the database migrated, and the
/// service's exchanges, queues and bindings declared on the broker without consuming anything. Without it a
/// service's first start could miss the events published before its queues existed (RabbitMQ drops a message
/// that no queue is bound to receive).
/// </summary>
public static class ServiceSetup
{
    public const string ConfigurationKey = "Setup:Only";
    public const string EnvironmentVariable = "Setup__Only";

    public static bool IsSetupOnly(IConfiguration configuration) => configuration.GetValue<bool>(ConfigurationKey);

    /// <summary>
    /// Migrates the database and runs <paramref name="prepare"/> (a service's own seeding or start-up checks); then, in
    /// a set-up run, deploys the bus topology (if the service has a bus) and returns, otherwise serves until stopped.
    /// Every service's Program ends with this, so every service's API also honours <c>Idempotency-Key</c> on its POSTs
    /// (<see cref="Idempotency"/>, its table made here with the rest of the database).
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this WebApplication app, Func<IServiceProvider, Task>? prepare = null) where TDbContext : DbContext
    {
        await app.MigrateDatabaseAsync<TDbContext>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Idempotency.EnsureTableAsync(scope.ServiceProvider.GetRequiredService<TDbContext>());
            if (prepare is not null)
                await prepare(scope.ServiceProvider);
        }
        if (!IsSetupOnly(app.Configuration))
        {
            app.UseIdempotency<TDbContext>();
            await app.RunAsync();
            return;
        }

        // The host is never started here, so no hosted service runs (no outbox dispatcher, no listener). AddMessaging
        // set DeployTopologyOnly: the bus declares every endpoint and binding, and receives nothing.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        if (app.Services.GetService<IBusControl>() is { } bus)
            await bus.DeployAsync(timeout.Token);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Samverkan.Setup")
            .LogInformation("Set-up of {Service} done: database migrated, bus topology deployed where it has one", app.Environment.ApplicationName);
    }
}
