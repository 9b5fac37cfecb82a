namespace Samverkan.AppHost.Hosting;

/// <summary>Something the AppHost declares: a server, a database or one of our projects.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>A resource that projects reach through <c>ConnectionStrings__{Name}</c>, as in Aspire.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }

    /// <summary>Where the connection string comes from, named in messages so that the fix is obvious.</summary>
    string SettingName { get; }

    /// <summary>True when configuration gave the connection string; false when it is the local default.</summary>
    bool IsConfigured { get; }
}

public sealed class RabbitMqResource(string name, string connectionString, bool isConfigured)
    : Resource(name), IResourceWithConnectionString
{
    public string ConnectionString { get; } = connectionString;
    public bool IsConfigured { get; } = isConfigured;
    public string SettingName => $"ConnectionStrings__{Name}";
}

/// <summary>A PostgreSQL server; each service gets a database of its own on it.</summary>
public sealed class PostgresServerResource(string name, string connectionString, bool isConfigured, Func<string, string?> configuredConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    public string ConnectionString { get; } = connectionString;
    public bool IsConfigured { get; } = isConfigured;
    public string SettingName => $"ConnectionStrings__{Name}";

    /// <summary>
    /// The server's connection string with <c>Database={name}</c>, unless <c>ConnectionStrings:{name}</c> is itself
    /// configured (tests pass databases of their own that way): then that one, as it is.
    /// </summary>
    public PostgresDatabaseResource AddDatabase(string name) =>
        configuredConnectionString(name) is { Length: > 0 } configured
            ? new PostgresDatabaseResource(name, this, configured, isConfigured: true)
            : new PostgresDatabaseResource(name, this, $"{ConnectionString.TrimEnd(';')};Database={name}", isConfigured: false);
}

public sealed class PostgresDatabaseResource(string name, PostgresServerResource server, string connectionString, bool isConfigured)
    : Resource(name), IResourceWithConnectionString
{
    public PostgresServerResource Server { get; } = server;
    public string ConnectionString { get; } = connectionString;
    public bool IsConfigured { get; } = isConfigured;
    public string SettingName => IsConfigured ? $"ConnectionStrings__{Name}" : Server.SettingName;
}

/// <summary>One of our .NET projects, started as a child process.</summary>
public sealed class ProjectResource(string name, string path) : Resource(name)
{
    private readonly List<IResourceWithConnectionString> _connections = [];
    private readonly List<ProjectResource> _services = [];
    private readonly List<ProjectResource> _waitsFor = [];

    /// <summary>The project's folder, relative to the repository root.</summary>
    public string Path { get; } = path;

    public IReadOnlyList<IResourceWithConnectionString> Connections => _connections;
    public IReadOnlyList<ProjectResource> Services => _services;
    public IReadOnlyList<ProjectResource> WaitsFor => _waitsFor;

    /// <summary>The declared HTTP port; null lets the AppHost pick a free one. <c>{Name}:Port</c> overrides either.</summary>
    public int? Port { get; private set; }

    /// <summary>Reached by people (on localhost), rather than only by the other processes (on 127.0.0.1).</summary>
    public bool IsExternal { get; private set; }

    /// <summary>Answers 2xx once the project can take traffic; null means "running is healthy enough".</summary>
    public string? HealthCheckPath { get; private set; }

    /// <summary>Passes <c>ConnectionStrings__{resource}</c>.</summary>
    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        _connections.Add(resource);
        return this;
    }

    /// <summary>Passes <c>services__{project}__http__0</c>, the address Aspire's service discovery reads.</summary>
    public ProjectResource WithReference(ProjectResource project)
    {
        _services.Add(project);
        return this;
    }

    public ProjectResource WithReferences(IEnumerable<ProjectResource> projects)
    {
        foreach (var project in projects)
            WithReference(project);
        return this;
    }

    /// <summary>Starts this project only once these are healthy.</summary>
    public ProjectResource WaitFor(params IEnumerable<ProjectResource> projects)
    {
        _waitsFor.AddRange(projects);
        return this;
    }

    public ProjectResource WithHttpEndpoint(int? port = null, bool isExternal = false)
    {
        Port = port;
        IsExternal = isExternal;
        return this;
    }

    public ProjectResource WithHttpHealthCheck(string path)
    {
        HealthCheckPath = path;
        return this;
    }
}
