using Samverkan.Actors.Apis;
using Samverkan.Actors.Development;
using Samverkan.Actors.Extensions;
using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
var api = app.MapVersionedApi(); // every endpoint of the API is of ApiVersions.Current
app.MapDeadLetters("/api/actors");
api.MapActorsApi();
api.MapCollaborationsApi();
api.MapAgreementsApi();
api.MapAgreementDeliveryApi();
api.MapInterventionsApi();
api.MapAssessmentsApi();
api.MapGovernanceApi();
api.MapCoFinancingApi();

await app.RunServiceAsync<ActorsDbContext>(DemoActors.SeedAsync);

public partial class Program;
