using System.Diagnostics;

namespace Samverkan.AppHost.Hosting;

/// <summary>How one project is started: its built dll, run by <c>dotnet</c> from the project folder (the content root).</summary>
internal sealed record ProjectLaunch(
    string Name,
    string ProjectFile,
    string Assembly,
    string Url,
    Uri? HealthUrl,
    IReadOnlyDictionary<string, string> Environment)
{
    public string WorkingDirectory => Path.GetDirectoryName(ProjectFile)!;
    public string FileName => RepositoryLayout.DotnetHost;
    public IReadOnlyList<string> Arguments => [Assembly];
}

/// <summary>
/// Building is the run script's job (one <c>dotnet build</c> of the solution). A project never built in the
/// AppHost's configuration is built here, one at a time: parallel builds of shared projects collide.
/// </summary>
internal static class ProjectBuild
{
    public static async Task EnsureBuiltAsync(IEnumerable<ProjectLaunch> launches, RepositoryLayout layout, ConsoleOutput console, CancellationToken cancellationToken)
    {
        foreach (var launch in launches)
        {
            if (File.Exists(launch.Assembly))
            {
                if (HasNewerSources(launch))
                    console.Info($"{launch.Name}: sources changed since its last build; this runs the old build (run `dotnet build -c {layout.Configuration}`)");
                continue;
            }

            console.Info($"building {launch.Name} ({layout.Configuration}): it has no build output yet…");
            var (exitCode, output) = await RunAsync(
                [RepositoryLayout.DotnetHost, "build", launch.ProjectFile, "-c", layout.Configuration, "-nologo", "-v", "quiet", "--disable-build-servers"],
                layout.Root, cancellationToken);
            if (exitCode != 0 || !File.Exists(launch.Assembly))
            {
                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    console.Line("build", line);
                throw new StartupException($"Building {launch.Name} failed (see above); fix it, or start the others with --only.");
            }
        }
    }

    private static bool HasNewerSources(ProjectLaunch launch)
    {
        var built = File.GetLastWriteTimeUtc(launch.Assembly);
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(launch.WorkingDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] command, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new StartupException($"Could not run {command[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
