using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Extensions;
using Samverkan.Reporting.Infrastructure;
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
app.MapDeadLetters("/api/reports");
api.MapReportsApi();

await app.RunServiceAsync<ReportingDbContext>();

public partial class Program;
