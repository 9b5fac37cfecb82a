using System.Diagnostics;
using System.Security.Cryptography;
using Samverkan.ServiceDefaults.Messaging;
using Testcontainers.RabbitMq;

namespace Samverkan.Testing;

/// <summary>
/// Stops and starts the RabbitMQ application inside the node (<c>rabbitmqctl stop_app</c> / <c>start_app</c>):
/// every connection drops and durable queues must survive, as in a real broker restart, while the node's
/// address and port stay the same.
/// </summary>
public sealed class BrokerControl
{
    private readonly Func<string, Task<string>> _rabbitmqctl;

    private BrokerControl(Func<string, Task<string>> rabbitmqctl) => _rabbitmqctl = rabbitmqctl;

    public static BrokerControl Local() => new(async command =>
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", .. command.Split(' ')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start rabbitmqctl.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {await stderr}");
        return stdout;
    });

    public static BrokerControl Container(RabbitMqContainer container) => new(async command =>
    {
        var result = await container.ExecAsync(["rabbitmqctl", "-q", .. command.Split(' ')]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    });

    public Task StopAsync() => _rabbitmqctl("stop_app");

    /// <summary>A virtual host of its own keeps a test platform's durable queues apart from any other on the broker.</summary>
    public async Task CreateVirtualHostAsync(string name, string user = "guest")
    {
        await _rabbitmqctl($"add_vhost {name}");
        await _rabbitmqctl($"set_permissions -p {name} {user} .* .* .*");
    }

    public Task DeleteVirtualHostAsync(string name) => _rabbitmqctl($"delete_vhost {name}");

    /// <summary>The names of every queue in <paramref name="virtualHost"/> (the <c>_error</c> and <c>_skipped</c> ones too).</summary>
    public async Task<IReadOnlyList<string>> QueuesAsync(string virtualHost) =>
        (await _rabbitmqctl($"list_queues -p {virtualHost} --no-table-headers name"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A user of this test's own with the permissions of <paramref name="permissions"/> on <paramref name="virtualHost"/>
    /// (docs/decisions/0005-bus-trust.md), and a generated password, returned. Users are the broker's, not the virtual
    /// host's: name them after the virtual host and delete them with it.
    /// </summary>
    public async Task<string> CreateUserAsync(string virtualHost, BusPermissions permissions)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await _rabbitmqctl($"add_user {permissions.User} {password}");
        await _rabbitmqctl($"set_permissions -p {virtualHost} {permissions.User} {permissions.Configure} {permissions.Write} {permissions.Read}");
        return password;
    }

    public async Task DeleteUserAsync(string user)
    {
        try
        {
            await _rabbitmqctl($"delete_user {user}");
        }
        catch (InvalidOperationException)
        {
            // Already gone (a run cleaned up twice): nothing to do.
        }
    }

    public async Task StartAsync()
    {
        await _rabbitmqctl("start_app");
        await _rabbitmqctl("await_startup");
    }
}
