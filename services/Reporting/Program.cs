using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Extensions;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapDeadLetters("/api/reports");
app.MapReportsApi();

await app.RunServiceAsync<ReportingDbContext>();

public partial class Program;
