using System.Diagnostics;

namespace Samverkan.Platform.EndToEndTests.ApiKit.GeneratedClient;

/// <summary>
/// Kiota (the repository's local tool, <c>.config/dotnet-tools.json</c>), run as an agency's developer runs it: one C#
/// client per OpenAPI document, from the document alone.
/// </summary>
internal static class KiotaGenerator
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Generates a client for each document (name → file) into <paramref name="output"/>/name, in parallel.</summary>
    public static async Task GenerateAsync(IReadOnlyDictionary<string, string> documents, string output)
    {
        await RunAsync("tool restore");
        await Task.WhenAll(documents.Select(d => RunAsync(
            $"kiota generate --language CSharp --openapi \"{d.Value}\" --output \"{Path.Combine(output, d.Key)}\" "
            + $"--class-name {ClientClass(d.Key)} --namespace-name {Namespace(d.Key)} --exclude-backward-compatible --clean-output --log-level Warning")));
    }

    public static string ClientClass(string service) => char.ToUpperInvariant(service[0]) + service[1..] + "Client";

    public static string Namespace(string service) => $"Agency.{char.ToUpperInvariant(service[0]) + service[1..]}";

    private static async Task RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Kiota asks the internet whether it has a newer version; the answer changes nothing here.
        start.Environment["KIOTA_UPDATE_CHECK_DISABLED"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish within {Deadline.TotalMinutes} min.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {arguments} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    /// <summary>Where the tool manifest is: the directory above the test's output that holds Samverkan.sln.</summary>
    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
                    return dir.FullName;
            throw new InvalidOperationException($"No Samverkan.sln above {AppContext.BaseDirectory}.");
        }
    }
}
