using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samverkan.Web.Api;

namespace Samverkan.Web.UnitTests.Caseworker;

/// <summary>The gateway as a page sees it, answering from a table of path (with query) → status and JSON; the requests are kept.</summary>
public sealed class FakeGateway : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Json)> _answers = new(StringComparer.Ordinal);

    public List<(HttpMethod Method, string PathAndQuery, string? Body)> Requests { get; } = [];

    public FakeGateway Answer(string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers[pathAndQuery] = (status, json);
        return this;
    }

    public static FakeGateway AddTo(IServiceCollection services)
    {
        var fake = new FakeGateway();
        services.AddSingleton(new GatewayApi(new HttpClient(fake) { BaseAddress = new Uri("https://gateway.test") }, NullLogger<GatewayApi>.Instance));
        return fake;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        Requests.Add((request.Method, path, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        // Lists not set up answer empty, so a test names only what it is about.
        var (status, json) = _answers.TryGetValue(path, out var answer) ? answer
            : path.Contains("page=", StringComparison.Ordinal) ? (HttpStatusCode.OK, """{"items":[],"page":1,"pageSize":200,"total":0}""")
            : (HttpStatusCode.NotFound, """{"status":404}""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
