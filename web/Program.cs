using Samverkan.ServiceDefaults;
using Samverkan.Web.Api;
using Samverkan.Web.Components;
using Samverkan.Web.Hosting;
using Samverkan.Web.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(tokenValidation: false); // people sign in here with a cookie; the APIs validate the tokens
builder.AddWebSignIn();
builder.AddGatewayApi();
builder.Services.AddRazorComponents();
// Swedish letters as they are (å, ä, ö), not as &#xE4; escapes: pages stay readable in source and in tests.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var app = builder.Build();
app.UseWebForwardedHeaders();
app.UseSecurityHeaders();
app.MapDefaultEndpoints(errorPage: "/fel");
app.UseStatusCodePagesWithReExecute("/sidan-finns-inte", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSignInEndpoints();
app.MapDownloads();
app.MapRazorComponents<App>();
app.Run();

public partial class Program;
