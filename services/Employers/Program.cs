using Samverkan.Employers.Apis;
using Samverkan.Employers.Extensions;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapKnownActorsApi();
// Asks Actors for the current state of what Employers copies (ServiceDefaults/Messaging/CopiesReplay.cs).
app.MapCopiesReplay<EmployersDbContext, Samverkan.Contracts.Employers.CopiesReplayRequested>("/api/employers/admin/copy-replays",
    (id, at) => new() { RequestId = id, RequestedAt = at });
app.MapEmployersApi();
app.MapContactsApi();
app.MapOffersApi();
app.MapMatchingProfilesApi();
app.MapMatchingApi();
app.MapPipelinesApi();
app.MapSupportApi();

await app.RunServiceAsync<EmployersDbContext>();

public partial class Program;
