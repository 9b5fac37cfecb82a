using Samverkan.ServiceDefaults;
using Samverkan.Webhooks.Apis;
using Samverkan.Webhooks.Extensions;
using Samverkan.Webhooks.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapEndpointsApi();
app.MapDeliveriesApi();

await app.RunServiceAsync<WebhooksDbContext>();

public partial class Program;
