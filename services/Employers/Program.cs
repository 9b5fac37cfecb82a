using Samverkan.Employers.Apis;
using Samverkan.Employers.Extensions;
using Samverkan.Employers.Infrastructure;
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
app.MapDeadLetters("/api/employers");
// Asks Actors for the current state of what Employers copies (ServiceDefaults/Messaging/CopiesReplay.cs).
app.MapCopiesReplay<EmployersDbContext, Samverkan.Contracts.Employers.CopiesReplayRequested>("/api/employers/admin/copy-replays",
    (id, at) => new() { RequestId = id, RequestedAt = at });
api.MapKnownActorsApi();
api.MapEmployersApi();
api.MapContactsApi();
api.MapOffersApi();
api.MapMatchingProfilesApi();
api.MapMatchingApi();
api.MapPipelinesApi();
api.MapSupportApi();

await app.RunServiceAsync<EmployersDbContext>();

public partial class Program;
