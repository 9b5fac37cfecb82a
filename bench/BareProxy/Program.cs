// Config-only YARP, as in YARP's getting-started sample: routes and clusters are all in the "ReverseProxy"
// section of appsettings.json, destinations overridable from the environment, e.g.
//   ReverseProxy__Clusters__main__Destinations__d1__Address=http://127.0.0.1:5140
// No authentication, no rate limiting, no telemetry, no other middleware.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // find appsettings.json whatever the working directory
});
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapReverseProxy();
app.Run();
