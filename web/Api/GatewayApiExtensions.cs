using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Samverkan.Web.SignIn;

namespace Samverkan.Web.Api;

public static class GatewayApiExtensions
{
    public static IHostApplicationBuilder AddGatewayApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<UserTokenHandler>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults
        builder.Services.AddHttpClient<GatewayApi>((services, http) =>
            {
                http.BaseAddress = new Uri(services.GetRequiredService<IOptions<WebOptions>>().Value.Gateway);
            })
            .AddHttpMessageHandler<UserTokenHandler>()
            // The defaults retry any method; a POST that enrols or records must not be sent twice because an answer was slow.
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30); // a bulk enrolment of a few hundred rows takes seconds
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient(TokenRefresh.HttpClientName);
        return builder;
    }
}
