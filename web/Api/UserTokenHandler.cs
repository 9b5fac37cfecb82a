using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Samverkan.Web.Api;

/// <summary>
/// Puts the signed-in person's access token on every call to the gateway. The pages render on the server within the
/// person's request (static server rendering), so the request's cookie, already refreshed by
/// <see cref="SignIn.TokenRefresh"/>, holds the token; nothing is kept between requests.
/// </summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http && await http.GetTokenAsync("access_token") is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
