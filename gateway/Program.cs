using Samverkan.Gateway.Extensions;
using Samverkan.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayProxy();
builder.AddGatewayRateLimiting();
builder.AddServiceHealthAggregation();

var app = builder.Build();
app.MapDefaultEndpoints(HealthAggregation.Options);
// Rate limiting partitions by the token's agency, so it must run after authentication.
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapApiReference();
app.MapReverseProxy();
app.Run();

public partial class Program;
