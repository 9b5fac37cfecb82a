using Samverkan.Identity.Account;
using Samverkan.Identity.Apis;
using Samverkan.Identity.Development;
using Samverkan.Identity.Extensions;
using Samverkan.Identity.Federation;
using Samverkan.Identity.Infrastructure;
using Samverkan.Identity.Server;
using Samverkan.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(tokenValidation: false);
builder.AddIdentityServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapConnectEndpoints();
app.MapLoginPage();
app.MapSignedInPage();
app.MapExternalSignIn();
app.MapClientsApi();
app.MapUsersApi();

await app.RunServiceAsync<IdentityDb>(AccountSeeding.SeedAsync);

public partial class Program;
