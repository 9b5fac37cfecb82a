using Samverkan.Participants.Apis;
using Samverkan.Participants.Extensions;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapDeadLetters("/api/participants");
app.MapKnownActorsApi();
app.MapParticipantsApi();
app.MapConsentsApi();
app.MapParticipantJourneyApis();
app.MapEsfParticipantFileApi();

await app.RunServiceAsync<ParticipantsDbContext>();

public partial class Program;
