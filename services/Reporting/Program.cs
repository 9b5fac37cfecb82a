using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Extensions;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapReportsApi();

await app.RunServiceAsync<ReportingDbContext>();

public partial class Program;
