using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Webhooks.Apis;
using Samverkan.Webhooks.Extensions;
using Samverkan.Webhooks.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
var api = app.MapVersionedApi(); // every endpoint of the API is of ApiVersions.Current
app.MapDeadLetters("/api/webhooks");
api.MapEndpointsApi();
api.MapDeliveriesApi();

await app.RunServiceAsync<WebhooksDbContext>();

public partial class Program;
