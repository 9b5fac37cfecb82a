using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>The AppHost hands each service, and its set-up run, the broker as that service's own user (docs/decisions/0005-bus-trust.md).</summary>
public sealed class BusUsersTests
{
    [Fact]
    public async Task Each_service_and_its_setup_connect_to_the_broker_as_its_own_user()
    {
        await using var run = await PlatformRun.CreateAsync("bususers");
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(run.Arguments());

        foreach (var service in BusPermissions.Services)
            foreach (var name in new[] { service, ResourceNames.SetupOf(service) })
            {
                var project = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name);
#pragma warning disable CS0618 // its successor (ExecutionConfigurationBuilder) needs a running app; this reads the model only
                var environment = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
                // In the manifest a connection string is a reference to its resource: this service's own.
                Assert.Equal($"{{{BusPermissions.ConnectionStringNameOf(service)}.connectionString}}",
                    environment[$"ConnectionStrings__{ResourceNames.Messaging}"]);
            }
    }
}
