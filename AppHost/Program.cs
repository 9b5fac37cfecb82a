using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Samverkan.AppHost;
using Samverkan.ServiceDefaults;

// `--help` and malformed options are answered here; everything else starts the platform.
if (CommandLine.Handle(args) is { } exitCode)
    return exitCode;

try
{
    LocalRunDefaults.ApplyEnvironmentDefault();
    var dashboard = AppHostOptions.DashboardEnabled(args);
    if (dashboard)
        LocalRunDefaults.ApplyDashboardDefaults();
    var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        Args = AppHostOptions.AsConfigurationKeys(args),
        DisableDashboard = !dashboard,
    });
    LocalRunDefaults.ApplyTo(builder.Configuration);

    // RabbitMQ and PostgreSQL: containers where a Docker engine answers, else the servers scripts/infra.sh starts.
    var servers = Servers.Declare(builder);

    // Each service that can run more than once (all but identity, whose sign-in pages keep state in the process) runs
    // as AppHost:Instances processes; the gateway as as many replicas (see PlatformServiceExtensions.AddService).
    var instances = PlatformServiceExtensions.Instances(builder.Configuration);

    // Each service first runs once as "<name>-setup": it migrates its database and declares its queues and their
    // bindings on the broker, then exits. Every service starts only when all of those have finished, so no event is
    // published before the queue of each of its consumers exists (docs/decisions/0004-aspire-apphost.md).
    PlatformService[] services =
    [
        builder.AddService<Projects.Actors>(ResourceNames.Actors, servers, ResourceNames.ActorsDb, instances: instances),
        builder.AddService<Projects.Participants>(ResourceNames.Participants, servers, ResourceNames.ParticipantsDb, instances: instances),
        builder.AddService<Projects.Employers>(ResourceNames.Employers, servers, ResourceNames.EmployersDb, instances: instances),
        builder.AddService<Projects.Reporting>(ResourceNames.Reporting, servers, ResourceNames.ReportingDb, instances: instances),
        builder.AddService<Projects.Identity>(ResourceNames.Identity, servers, ResourceNames.IdentityDb, usesBus: false),
        builder.AddService<Projects.Webhooks>(ResourceNames.Webhooks, servers, ResourceNames.WebhooksDb, instances: instances),
    ];
    foreach (var service in services)
    {
        foreach (var instance in service.Instances)
        {
            foreach (var other in services)
            {
                instance.WaitForCompletion(other.Setup);
                if (other != service)
                    instance.WithReferenceTo(other); // services__{name}__http__0 …, read by service discovery
            }
        }
    }

    // The gateway's /health aggregates the services', so Aspire asks whether the gateway itself is up (/alive).
    var gateway = builder.AddProject<Projects.Gateway>(ResourceNames.Gateway)
        .WithGatewayPort(builder.Configuration)
        .WithExternalHttpEndpoints()
        .WithHttpHealthCheck("/alive")
        .WithForwardedSettings(builder);
    // Behind Aspire's TCP proxy: the gateway's callers are many, each on connections of its own, so per-connection
    // spreading is enough here. Each replica enforces its share of the rate limit (Gateway:Instances, see RateLimiting).
    if (instances > 1)
        gateway.WithReplicas(instances).WithEnvironment("Gateway__Instances", instances.ToString(System.Globalization.CultureInfo.InvariantCulture));
    foreach (var service in services)
    {
        gateway.WithReferenceTo(service);
        foreach (var instance in service.Instances)
            gateway.WaitFor(instance);
    }

    // Tokens are issued through the gateway (the address people and agencies' systems know), so that is the issuer. The
    // gateway and every service read the discovery document and keys from the identity service itself, so that
    // validating a token does not depend on the gateway (docs/decisions/0007-identity.md).
    PlatformService Service(string name) => services.Single(s => s.Project.Resource.Name == name);
    var identity = Service(ResourceNames.Identity);
    var issuer = builder.Configuration["Identity:Issuer"] is { Length: > 0 } configuredIssuer
        ? ReferenceExpression.Create($"{configuredIssuer}")
        : ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
    var metadata = ReferenceExpression.Create($"{identity.Project.GetEndpoint("http")}/.well-known/openid-configuration");
    foreach (var project in services.SelectMany(s => s.Instances.Append(s.Setup)).Append(gateway))
        project.WithEnvironment("Auth__Authority", issuer).WithEnvironment("Auth__MetadataAddress", metadata);
    identity.Project.WithEnvironment("Identity__Issuer", issuer);
    foreach (var run in new[] { identity.Project, identity.Setup })
        run.WithForwardedSection(builder, "Identity");
    // The web UI, at / behind the gateway: people sign in at the identity service (code + PKCE, redirected back to the
    // gateway's address), and the pages call the APIs through the gateway with the person's token, never a service directly.
    var web = builder.AddProject<Projects.Web>(ResourceNames.Web)
        .WithHttpHealthCheck("/alive")
        .WithForwardedSettings(builder)
        .WithReference(gateway)
        .WithEnvironment("Auth__Authority", issuer);
    gateway.WithReference(web);
    foreach (var run in new[] { identity.Project, identity.Setup })
        run.WithEnvironment("Identity__Web__RedirectUri", ReferenceExpression.Create($"{issuer}signin-oidc"))
            .WithEnvironment("Identity__Web__PostLogoutRedirectUri", ReferenceExpression.Create($"{issuer}signout-callback-oidc"));

    // The demo (Development only; AppHost:Demo=false leaves it out, as the tests do): accounts in Identity, and their
    // agencies as actors in Actors.
    if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue(DemoAccountsNotice.Switch, true))
    {
        var demo = DemoAccountsNotice.Create(!string.IsNullOrEmpty(builder.Configuration["Identity:Operator:ClientSecret"]));
        foreach (var run in new[] { identity.Project, identity.Setup })
        {
            run.WithEnvironment("Identity__Demo__Password", demo.Password).WithEnvironment("Identity__Demo__ClientSecret", demo.ClientSecret);
            if (demo.OperatorSecret is not null)
                run.WithEnvironment("Identity__Operator__ClientSecret", demo.OperatorSecret);
        }
        var actors = Service(ResourceNames.Actors);
        foreach (var run in actors.Instances.Append(actors.Setup))
            run.WithEnvironment("Actors__Demo", "true");
        demo.Print(Console.Out, gateway.Resource.TryGetEndpoints(out var endpoints)
            && endpoints.FirstOrDefault(e => e.Name == "http")?.Port is { } port ? $"http://localhost:{port}/" : null);
    }

    await builder.Build().RunAsync();
    return 0;
}
catch (StartupException e)
{
    // Something the person starting the platform can fix; the message says what, without a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}
