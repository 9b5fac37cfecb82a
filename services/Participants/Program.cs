using Samverkan.Participants.Apis;
using Samverkan.Participants.Extensions;
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
app.MapDeadLetters("/api/participants");
// Asks Actors for the current state of what Participants copies (ServiceDefaults/Messaging/CopiesReplay.cs).
app.MapCopiesReplay<ParticipantsDbContext, Samverkan.Contracts.Participants.CopiesReplayRequested>("/api/participants/admin/copy-replays",
    (id, at) => new() { RequestId = id, RequestedAt = at });
api.MapKnownActorsApi();
api.MapParticipantsApi();
api.MapConsentsApi();
api.MapParticipantJourneyApis();
api.MapEsfParticipantFileApi();

await app.RunServiceAsync<ParticipantsDbContext>();

public partial class Program;
