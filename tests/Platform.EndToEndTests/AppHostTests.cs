using System.Net;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class AppHostTests(PlatformFixture platform)
{
    [Fact]
    public async Task Token_subcommand_mints_a_token_the_gateway_accepts()
    {
        var environment = new Dictionary<string, string> { ["Auth__SigningKey"] = PlatformFixture.Auth.SigningKey! };
        var (exitCode, output) = await AppHostProcess.RunAsync(environment, TimeSpan.FromSeconds(30),
            "token", "--role", "coordinator", "--agency", Guid.NewGuid().ToString());

        Assert.Equal(0, exitCode);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        using var client = new HttpClient { BaseAddress = platform.Platform.Gateway };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports/actors-by-sector")).StatusCode);
    }

    [Fact]
    public async Task An_unreachable_broker_stops_start_up_with_one_clear_message()
    {
        var infra = await Infrastructure.GetAsync();
        var environment = PlatformFixture.Environment(infra, "unused");
        environment[$"ConnectionStrings__{ResourceNames.Messaging}"] = "amqp://guest:guest@127.0.0.1:1";

        var (exitCode, output) = await AppHostProcess.RunAsync(environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("RabbitMQ", output);
        Assert.Contains($"ConnectionStrings__{ResourceNames.Messaging}", output); // says which setting to fix
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public async Task Ctrl_C_stops_every_process_the_AppHost_started()
    {
        var infra = await Infrastructure.GetAsync();
        var run = $"e2e{Guid.NewGuid():N}"[..15];
        await infra.Broker.CreateVirtualHostAsync(run);
        var environment = PlatformFixture.Environment(infra, run);
        var host = AppHostProcess.Start(environment, "--only", "actors");
        try
        {
            await Eventually.Until(() => Task.FromResult(host.Output.Contains("actors is healthy") || host.HasExited),
                TimeSpan.FromMinutes(2), "the actors service to be healthy");
            var children = host.Descendants();
            Assert.NotEmpty(children);

            Assert.True(await host.InterruptAsync(TimeSpan.FromSeconds(30)), "the AppHost should exit after Ctrl+C\n" + host.Output);

            await Eventually.Until(() => Task.FromResult(children.All(pid => !AppHostProcess.IsAlive(pid))),
                TimeSpan.FromSeconds(10), "every child process to be gone");
        }
        finally
        {
            await host.DisposeAsync();
            await infra.DropDatabaseAsync(environment[$"ConnectionStrings__{ResourceNames.ActorsDb}"]);
            await infra.Broker.DeleteVirtualHostAsync(run);
        }
    }
}
