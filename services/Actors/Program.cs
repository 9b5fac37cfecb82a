using Samverkan.Actors.Apis;
using Samverkan.Actors.Development;
using Samverkan.Actors.Extensions;
using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapDeadLetters("/api/actors");
app.MapActorsApi();
app.MapCollaborationsApi();
app.MapAgreementsApi();
app.MapAgreementDeliveryApi();
app.MapInterventionsApi();
app.MapAssessmentsApi();
app.MapGovernanceApi();

await app.RunServiceAsync<ActorsDbContext>(DemoActors.SeedAsync);

public partial class Program;
