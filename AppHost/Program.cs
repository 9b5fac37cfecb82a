using Samverkan.AppHost;
using Samverkan.AppHost.Hosting;
using Samverkan.ServiceDefaults;

// `token`, `--help` and malformed options are answered here; everything else starts the platform.
if (CommandLine.Handle(args) is { } exitCode)
    return exitCode;

var builder = DistributedApplication.CreateBuilder(args);

var messaging = builder.AddRabbitMq(ResourceNames.Messaging);
var postgres = builder.AddPostgres("postgres");

var actors = builder.AddProject(ResourceNames.Actors, "services/Actors")
    .WithReference(postgres.AddDatabase(ResourceNames.ActorsDb))
    .WithReference(messaging);

var participants = builder.AddProject(ResourceNames.Participants, "services/Participants")
    .WithReference(postgres.AddDatabase(ResourceNames.ParticipantsDb))
    .WithReference(messaging);

var employers = builder.AddProject(ResourceNames.Employers, "services/Employers")
    .WithReference(postgres.AddDatabase(ResourceNames.EmployersDb))
    .WithReference(messaging);

var reporting = builder.AddProject(ResourceNames.Reporting, "services/Reporting")
    .WithReference(postgres.AddDatabase(ResourceNames.ReportingDb))
    .WithReference(messaging);

ProjectResource[] services = [actors, participants, employers, reporting];

// The services talk over the bus; like Aspire, each still knows where the others are. /health answers 200 only
// once the service's database is migrated and its bus connected.
foreach (var service in services)
    service.WithReferences(services.Where(other => other != service)).WithHttpHealthCheck("/health");

// The gateway's /health aggregates the services', so it is asked whether it is up (/alive) instead.
builder.AddProject(ResourceNames.Gateway, "gateway")
    .WithReferences(services)
    .WaitFor(services)
    .WithHttpEndpoint(port: 8080, isExternal: true)
    .WithHttpHealthCheck("/alive");

return await builder.Build().RunAsync();
