using Samverkan.Employers.Apis;
using Samverkan.Employers.Extensions;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapDeadLetters("/api/employers");
app.MapKnownActorsApi();
app.MapEmployersApi();
app.MapContactsApi();
app.MapOffersApi();
app.MapMatchingProfilesApi();
app.MapMatchingApi();
app.MapPipelinesApi();
app.MapSupportApi();

await app.RunServiceAsync<EmployersDbContext>();

public partial class Program;
