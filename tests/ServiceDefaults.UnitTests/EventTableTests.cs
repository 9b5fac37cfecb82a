using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults.UnitTests;

/// <summary>
/// The README's table of events (who publishes what, who consumes it) is made from the code: the events are the records
/// of <c>services/Contracts</c> that no other contract contains or that a service consumes, the publisher is the service its namespace names (the
/// only one the bus lets publish it, <see cref="BusPermissions"/>), and the consumers are the services whose assembly
/// has a consumer of it (every consumer class is registered with MassTransit: by name, or in Reporting by assembly).
/// <c>SAMVERKAN_WRITE_README=1</c> writes the table into README.md.
/// </summary>
public sealed class EventTableTests
{
    private const string Begin = "<!-- event table: made by tests/ServiceDefaults.UnitTests/EventTableTests.cs -->";
    private const string End = "<!-- end of event table -->";

    [Fact]
    public void The_READMEs_event_table_is_the_one_the_code_makes()
    {
        var root = RepositoryRoot();
        var readme = Path.Combine(root, "README.md");
        var text = File.ReadAllText(readme);
        var table = MakeTable(root);
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"README.md has no event table between '{Begin}' and '{End}'.");
        var held = text[(start + Begin.Length)..end].Trim();
        if (held != table && Environment.GetEnvironmentVariable("SAMVERKAN_WRITE_README") == "1")
        {
            File.WriteAllText(readme, text[..(start + Begin.Length)] + "\n" + table + "\n" + text[end..]);
            return;
        }
        Assert.True(held == table, $"README.md's event table differs from the code's (SAMVERKAN_WRITE_README=1 writes it):\n{table}");
    }

    private static string MakeTable(string root)
    {
        var contracts = typeof(Samverkan.Contracts.Actors.ActorRegistered).Assembly.GetExportedTypes();
        var records = contracts.Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith(BusPermissions.EventsNamespace + ".", StringComparison.Ordinal) == true).ToList();
        var parts = records.SelectMany(t => t.GetProperties()).SelectMany(p => new[] { p.PropertyType }.Concat(p.PropertyType.GetGenericArguments())).ToHashSet();
        var consumed = BusPermissions.Services.ToDictionary(s => s, s => ConsumedEvents(root, s));
        // An event another contains (ParticipantErased restates the participant's last ParticipantEnrolled) is still an event.
        var events = records.Where(t => !parts.Contains(t) || consumed.Values.Any(c => c.Contains($"{t.Namespace}.{t.Name}"))).ToList();

        var table = new StringBuilder("| publisher | event | consumers |\n|---|---|---|\n");
        foreach (var e in events.OrderBy(e => BusPermissions.Services.ToList().IndexOf(Publisher(e))).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var consumers = BusPermissions.Services.Where(s => consumed[s].Contains($"{e.Namespace}.{e.Name}")).ToList();
            table.Append($"| {Publisher(e)} | `{e.Name}` | {(consumers.Count == 0 ? "none" : string.Join(", ", consumers))} |\n");
        }
        return table.ToString().Trim();
    }

    private static string Publisher(Type e) => e.Namespace![(BusPermissions.EventsNamespace.Length + 1)..].ToLowerInvariant();

    /// <summary>The full names of the messages the service's consumer classes consume, read from its own build output.</summary>
    private static HashSet<string> ConsumedEvents(string root, string service)
    {
        var project = char.ToUpperInvariant(service[0]) + service[1..];
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/<tfm>/
        var path = Path.Combine(root, "services", project, "bin", configuration, "net10.0", $"Samverkan.{project}.dll");
        var context = new ServiceLoadContext(path);
        var assembly = context.LoadFromAssemblyPath(path);
        return assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "MassTransit.IConsumer`1")
            .Select(i => i.GetGenericArguments()[0].FullName!)
            .ToHashSet();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Samverkan.sln not found above the test's directory.");
    }

    /// <summary>Loads a service with its own dependencies (its deps.json), apart from this test's.</summary>
    private sealed class ServiceLoadContext(string path) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } file ? LoadFromAssemblyPath(file) : null;
    }
}
