using System.Net;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// Pressed while the services are starting (every set-up done, every service's process running, none yet healthy, so
    /// the gateway not yet started): a stop that must work mid-start, and a minute sooner than waiting for the gateway.
    /// </summary>
    [Fact]
    public async Task Ctrl_C_stops_every_process_the_AppHost_started()
    {
        string[] projects = ["Actors", "Participants", "Employers", "Reporting", "Identity", "Webhooks", "Web"];
        await using var run = await PlatformRun.CreateAsync("e2ectrlc");
        var host = AppHostProcess.Start(new Dictionary<string, string>(), run.Arguments());
        try
        {
            IReadOnlyList<int> children = [];
            await Eventually.Until(() =>
            {
                if (host.HasExited)
                    throw new InvalidOperationException($"The AppHost exited ({host.ExitCode}):\n{host.Output}");
                children = host.StartedProcesses(run.Name);
                var running = children.Where(pid => !AppHostProcess.IsSetUp(pid)).Select(AppHostProcess.CommandLine).ToList();
                return Task.FromResult(projects.All(p => running.Any(c => Regex.IsMatch(c, $@"/Samverkan\.{p}(?![A-Za-z])"))));
            }, TimeSpan.FromMinutes(3), "every service's own process (after every set-up) and the web's to run");

            Assert.True(await host.InterruptAsync(TimeSpan.FromSeconds(60)), "the AppHost should exit after Ctrl+C\n" + host.Output);

            // What the AppHost started in the meantime (the gateway, had a service just turned healthy) must go too.
            children = [.. children.Union(host.StartedProcesses(run.Name))];
            await Eventually.Until(() => Task.FromResult(children.All(pid => !AppHostProcess.IsAlive(pid))),
                TimeSpan.FromSeconds(30), "every process the AppHost started to be gone");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
