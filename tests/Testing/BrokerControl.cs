using System.Diagnostics;
using Testcontainers.RabbitMq;

namespace Samverkan.Testing;

/// <summary>
/// Stops and starts the RabbitMQ application inside the node (<c>rabbitmqctl stop_app</c> / <c>start_app</c>):
/// every connection drops and durable queues must survive, as in a real broker restart, while the node's
/// address and port stay the same.
/// </summary>
public sealed class BrokerControl
{
    private readonly Func<string, Task> _rabbitmqctl;

    private BrokerControl(Func<string, Task> rabbitmqctl) => _rabbitmqctl = rabbitmqctl;

    public static BrokerControl Local() => new(async command =>
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", .. command.Split(' ')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start rabbitmqctl.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {await stderr}");
    });

    public static BrokerControl Container(RabbitMqContainer container) => new(async command =>
    {
        var result = await container.ExecAsync(["rabbitmqctl", "-q", .. command.Split(' ')]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({result.ExitCode}): {result.Stderr}");
    });

    public Task StopAsync() => _rabbitmqctl("stop_app");

    /// <summary>A virtual host of its own keeps a test platform's durable queues apart from any other on the broker.</summary>
    public async Task CreateVirtualHostAsync(string name, string user = "guest")
    {
        await _rabbitmqctl($"add_vhost {name}");
        await _rabbitmqctl($"set_permissions -p {name} {user} .* .* .*");
    }

    public Task DeleteVirtualHostAsync(string name) => _rabbitmqctl($"delete_vhost {name}");

    public async Task StartAsync()
    {
        await _rabbitmqctl("start_app");
        await _rabbitmqctl("await_startup");
    }
}
