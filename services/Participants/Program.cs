using Samverkan.Participants.Apis;
using Samverkan.Participants.Extensions;
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
// Asks Actors for the current state of what Participants copies (ServiceDefaults/Messaging/CopiesReplay.cs).
app.MapCopiesReplay<ParticipantsDbContext, Samverkan.Contracts.Participants.CopiesReplayRequested>("/api/participants/admin/copy-replays",
    (id, at) => new() { RequestId = id, RequestedAt = at });
app.MapParticipantsApi();
app.MapConsentsApi();
app.MapParticipantJourneyApis();

await app.RunServiceAsync<ParticipantsDbContext>();

public partial class Program;
