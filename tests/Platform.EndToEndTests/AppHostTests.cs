using System.Net;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class AppHostTests
{
    [Fact]
    public async Task There_is_no_token_subcommand_any_more_tokens_come_from_the_identity_service()
    {
        var (exitCode, output) = await AppHostProcess.RunAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(30),
            "token", "--role", "admin", "--agency", Guid.NewGuid().ToString());

        Assert.Equal(2, exitCode);
        Assert.Contains("Unexpected argument 'token'", output);
    }

    [Fact]
    public async Task An_unreachable_broker_stops_start_up_with_one_clear_message()
    {
        await using var run = await PlatformRun.CreateAsync("e2ebad");
        var args = run.Arguments(new Dictionary<string, string> { [$"ConnectionStrings:{ResourceNames.Messaging}"] = "amqp://guest:guest@127.0.0.1:1" });

        var (exitCode, output) = await AppHostProcess.RunAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(60), args);

        Assert.Equal(1, exitCode);
        Assert.Contains("RabbitMQ is not reachable at 127.0.0.1:1", output);
        Assert.Contains($"ConnectionStrings__{ResourceNames.Messaging}", output); // says which setting to fix
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public async Task Ctrl_C_stops_every_process_the_AppHost_started()
    {
        await using var run = await PlatformRun.CreateAsync("e2ectrlc");
        var host = AppHostProcess.Start(new Dictionary<string, string>(), run.Arguments());
        try
        {
            // The gateway starts last, once every service is healthy.
            IReadOnlyList<int> children = [];
            await Eventually.Until(() =>
            {
                if (host.HasExited)
                    throw new InvalidOperationException($"The AppHost exited ({host.ExitCode}):\n{host.Output}");
                children = host.StartedProcesses(run.Name);
                return Task.FromResult(children.Any(pid => AppHostProcess.CommandLine(pid).Contains("Samverkan.Gateway", StringComparison.Ordinal)));
            }, TimeSpan.FromMinutes(3), "the gateway to start after every service");
            var projects = children.Count(pid => AppHostProcess.CommandLine(pid).Contains("/Samverkan.", StringComparison.Ordinal));
            Assert.True(projects >= 5, $"expected the four services and the gateway among the AppHost's processes, found {projects} of {children.Count}");

            Assert.True(await host.InterruptAsync(TimeSpan.FromSeconds(60)), "the AppHost should exit after Ctrl+C\n" + host.Output);

            await Eventually.Until(() => Task.FromResult(children.All(pid => !AppHostProcess.IsAlive(pid))),
                TimeSpan.FromSeconds(30), "every process the AppHost started to be gone");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
