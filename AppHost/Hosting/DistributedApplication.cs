using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Samverkan.AppHost.Hosting;

/// <summary>
/// Runs what the builder declared: checks the servers, starts each project once the ones it waits for are
/// healthy, hands every process its configuration in Aspire's conventions, and stops them all on Ctrl+C,
/// SIGTERM or the first unexpected exit.
/// </summary>
public sealed class DistributedApplication
{
    private readonly IConfiguration _configuration;
    private readonly IReadOnlyList<ProjectResource> _projects;
    private readonly ConsoleOutput _console = new();

    internal DistributedApplication(IConfiguration configuration, IReadOnlyList<ProjectResource> projects)
    {
        _configuration = configuration;
        _projects = projects;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    /// <returns>0 when stopped on request; 1 when something failed or exited on its own.</returns>
    public async Task<int> RunAsync()
    {
        using var stopping = new CancellationTokenSource();
        var failed = 0;
        void Fail(string message)
        {
            if (Interlocked.Exchange(ref failed, 1) == 0)
                _console.Error(message);
            stopping.Cancel();
        }

        var supervisor = new Supervisor(_console, (process, exitCode) =>
            Fail($"{process.Name} exited unexpectedly with exit code {exitCode}; stopping everything."));
        using var signals = new ShutdownSignals(stopping.Cancel, supervisor.KillAll);
        try
        {
            var settings = AppHostSettings.From(_configuration);
            var layout = RepositoryLayout.Find();
            var selected = Select(settings.Only);
            var launches = Plan(selected, settings, layout);

            await InfrastructureCheck.EnsureReadyAsync(selected.SelectMany(p => p.Connections).Distinct(), _console, stopping.Token);
            await ProjectBuild.EnsureBuiltAsync(launches.Values, layout, _console, stopping.Token);

            async Task RunProjectAsync(ProjectLaunch launch, Task[] dependencies)
            {
                await Task.WhenAll(dependencies);
                stopping.Token.ThrowIfCancellationRequested();
                try
                {
                    var process = supervisor.Start(launch);
                    _console.Info($"started {launch.Name} (pid {process.Id}) on {launch.Url}");
                    if (launch.HealthUrl is not null)
                        await HealthWaiter.WaitAsync(launch.Name, launch.HealthUrl, settings.StartupTimeout, _console, stopping.Token);
                }
                catch (StartupException e)
                {
                    Fail(e.Message);
                }
            }

            // In declaration order: a project can only wait for one declared before it.
            var running = new Dictionary<ProjectResource, Task>();
            foreach (var project in selected)
                running[project] = RunProjectAsync(launches[project], [.. project.WaitsFor.Where(running.ContainsKey).Select(p => running[p])]);
            await Task.WhenAll(running.Values);
            stopping.Token.ThrowIfCancellationRequested();

            _console.Info(Banner(selected, launches));
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (StartupException e)
        {
            Fail(e.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await supervisor.StopAllAsync();
        }
        return failed;
    }

    /// <summary>All projects, or those named by <c>--only</c> (for running a part of the platform).</summary>
    private List<ProjectResource> Select(IReadOnlySet<string>? only)
    {
        if (only is null)
            return [.. _projects];
        var unknown = only.Where(name => !_projects.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new StartupException(
                $"--only: no project named {string.Join(", ", unknown)}; the projects are {string.Join(", ", _projects.Select(p => p.Name))}.");
        return [.. _projects.Where(p => only.Contains(p.Name))];
    }

    private Dictionary<ProjectResource, ProjectLaunch> Plan(List<ProjectResource> selected, AppHostSettings settings, RepositoryLayout layout)
    {
        var projectFiles = selected.ToDictionary(p => p, p => layout.FindProjectFile(p.Path));
        var missing = selected.Where(p => projectFiles[p] is null).ToList();
        if (missing.Count > 0)
        {
            var present = _projects.Where(p => layout.FindProjectFile(p.Path) is not null).Select(p => p.Name).ToList();
            throw new StartupException(
                $"No project in {string.Join(", ", missing.Select(p => p.Path + "/"))} yet. "
                + (present.Count > 0 ? $"Start the others with --only {string.Join(',', present)}." : "Nothing to start."));
        }

        var taken = new HashSet<int>();
        var urls = selected.ToDictionary(p => p, p =>
            $"http://{(p.IsExternal ? "localhost" : "127.0.0.1")}:{ChoosePort(p, taken)}");

        foreach (var project in selected)
            _console.Register(project.Name);

        return selected.ToDictionary(p => p, p => new ProjectLaunch(
            p.Name,
            projectFiles[p]!,
            layout.OutputAssembly(projectFiles[p]!),
            urls[p],
            p.HealthCheckPath is { } path ? new Uri(urls[p] + path) : null,
            EnvironmentFor(p, urls, settings)));
    }

    /// <summary>What Aspire would hand the project, plus the settings every process shares.</summary>
    private static Dictionary<string, string> EnvironmentFor(ProjectResource project, Dictionary<ProjectResource, string> urls, AppHostSettings settings)
    {
        var environment = new Dictionary<string, string>(settings.Forwarded)
        {
            ["ASPNETCORE_URLS"] = urls[project],
            ["ASPNETCORE_ENVIRONMENT"] = settings.Environment,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["Auth__Issuer"] = settings.Auth.Issuer,
            ["Auth__Audience"] = settings.Auth.Audience,
            ["Auth__SigningKey"] = settings.Auth.SigningKey!,
        };
        // One line per log entry reads better behind a name prefix than the two-line default (unless the
        // AppHost's own environment says otherwise: the processes inherit it).
        if (System.Environment.GetEnvironmentVariable("Logging__Console__FormatterName") is null)
        {
            environment["Logging__Console__FormatterName"] = "simple";
            environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        }
        foreach (var resource in project.Connections)
            environment[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        foreach (var service in project.Services.Where(urls.ContainsKey))
            environment[$"services__{service.Name}__http__0"] = urls[service];
        return environment;
    }

    /// <summary><c>{Name}:Port</c> from configuration, else the declared port, else a free one.</summary>
    private int ChoosePort(ProjectResource project, HashSet<int> taken)
    {
        var key = $"{project.Name}:Port";
        var setting = AppHostConfiguration.Switches.FirstOrDefault(s => s.Value.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Key: { } option, Value: { } mapped }
            ? $"{option} or {mapped.Replace(":", "__", StringComparison.Ordinal)}"
            : key.Replace(":", "__", StringComparison.Ordinal);
        int? port = project.Port;
        if (_configuration[key] is { Length: > 0 } configured)
            port = int.TryParse(configured, out var p) && p is > 0 and < 65536
                ? p
                : throw new StartupException($"{setting} must be a port number, not '{configured}'.");

        if (port is { } fixedPort)
        {
            if (!taken.Add(fixedPort) || !IsFree(fixedPort))
                throw new StartupException(
                    $"Port {fixedPort} for {project.Name} is already in use (is Samverkan running already?). Free it, or choose another port with {setting}.");
            return fixedPort;
        }

        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var free = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (taken.Add(free))
                return free;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Banner(List<ProjectResource> selected, Dictionary<ProjectResource, ProjectLaunch> launches) =>
        selected.FirstOrDefault(p => p.IsExternal) is { } entry
            ? $"Samverkan is running: {entry.Name} {launches[entry].Url} (API reference {launches[entry].Url}/scalar). Ctrl+C stops everything."
            : $"Samverkan is running without a gateway: {string.Join(", ", selected.Select(p => $"{p.Name} {launches[p].Url}"))}. Ctrl+C stops everything.";
}
