using System.Xml.Linq;

namespace Samverkan.AppHost.Hosting;

/// <summary>Where the repository and our projects' build output are, seen from the running AppHost.</summary>
internal sealed class RepositoryLayout
{
    private const string SolutionFile = "Samverkan.sln";

    private RepositoryLayout(string root, string configuration, string targetFramework)
    {
        Root = root;
        Configuration = configuration;
        TargetFramework = targetFramework;
    }

    public string Root { get; }

    /// <summary>The AppHost's own build configuration (Debug or Release); the projects are run from the same.</summary>
    public string Configuration { get; }

    public string TargetFramework { get; }

    /// <summary>The <c>dotnet</c> that runs the AppHost, so that the projects run on the same SDK.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    public static RepositoryLayout Find()
    {
        var root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
            ?? throw new StartupException(
                $"Cannot find {SolutionFile} above {AppContext.BaseDirectory} or the current directory; run the AppHost from the repository.");

        // …/AppHost/bin/<Configuration>/<TargetFramework>/
        var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(segments, "bin");
        return bin >= 0 && bin + 2 < segments.Length
            ? new RepositoryLayout(root, segments[bin + 1], segments[bin + 2])
            : new RepositoryLayout(root, "Debug", "net10.0");
    }

    private static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        return null;
    }

    /// <summary>The project file in <paramref name="relativePath"/>, or null when there is none (yet).</summary>
    public string? FindProjectFile(string relativePath)
    {
        var directory = Path.Combine(Root, relativePath);
        if (!Directory.Exists(directory))
            return null;
        var candidates = Directory.GetFiles(directory, "*.csproj");
        return candidates.Length switch
        {
            0 => null,
            1 => candidates[0],
            _ => candidates.FirstOrDefault(c => Path.GetFileNameWithoutExtension(c).Equals(Path.GetFileName(directory), StringComparison.OrdinalIgnoreCase))
                 ?? throw new StartupException($"{relativePath} holds several project files; keep one."),
        };
    }

    /// <summary>Where <c>dotnet build</c> puts the project's dll in our configuration.</summary>
    public string OutputAssembly(string projectFile)
    {
        var assemblyName = XDocument.Load(projectFile).Descendants("AssemblyName").FirstOrDefault()?.Value
                           ?? Path.GetFileNameWithoutExtension(projectFile);
        return Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", Configuration, TargetFramework, assemblyName + ".dll");
    }
}
