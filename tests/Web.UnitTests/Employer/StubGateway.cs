using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Samverkan.Web.Api;

namespace Samverkan.Web.UnitTests.Employer;

/// <summary>A gateway that answers each path (without its query) with a status and a JSON body, and records what was sent.</summary>
internal sealed class StubGateway : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Requests { get; } = [];

    public StubGateway On(string path, HttpStatusCode status, string body)
    {
        _answers[path] = (status, body);
        return this;
    }

    public GatewayApi Api() => new(new HttpClient(this) { BaseAddress = new Uri("http://gateway") }, NullLogger<GatewayApi>.Instance);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        var (status, body) = _answers.TryGetValue(request.RequestUri.AbsolutePath, out var answer)
            ? answer : (HttpStatusCode.NotFound, """{"status":404}""");
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
