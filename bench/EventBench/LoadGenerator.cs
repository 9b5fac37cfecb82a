using System.Diagnostics;
using System.Text;

namespace Samverkan.Bench.EventBench;

/// <summary>One POST /api/actors: when it started (wall clock, to join with database timestamps) and how it ended.</summary>
public sealed record RequestRecord(DateTime StartUtc, double DurationMs, int Status, Guid? ActorId);

public sealed record LoadResult(RequestRecord[] Requests, double SendWindowSeconds, double CompletionSeconds, int LateStarts)
{
    public int Ok => Requests.Count(r => r.Status is >= 200 and < 300);
    public int Errors => Requests.Length - Ok;
    /// <summary>Requests started per second over the sending window: can the generator keep the schedule?</summary>
    public double SentRate => Requests.Length / SendWindowSeconds;
    /// <summary>Successful requests per second, first start to last response: what the platform accepted.</summary>
    public double AchievedRate => Ok / CompletionSeconds;

    public string ErrorSummary => Errors == 0
        ? "0"
        : string.Join(", ", Requests.Where(r => r.Status is < 200 or >= 300).GroupBy(r => r.Status)
            .OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "exception" : g.Key.ToString())}×{g.Count()}"));
}

/// <summary>
/// Open-loop load: request i is due at i / rate seconds after the start, whether or not earlier ones have
/// answered (a closed loop would slow down with the system and hide its latency). Requests in flight are
/// capped; a start delayed by the cap counts as late, so an overloaded platform shows as a lower sent rate.
/// </summary>
public sealed class LoadGenerator(HttpClient http, Uri gateway, BearerToken token, OrganisationNumbers numbers, int maxInFlight)
{
    private static readonly (string Sector, string Kind)[] Kinds =
        [("public", "municipality"), ("business", "employer"), ("civil-society", "civil-society-organisation")];

    private readonly Uri _actors = new(gateway, "/api/actors");

    public async Task<LoadResult> RunAsync(int rate, double seconds)
    {
        var total = (int)Math.Round(rate * seconds);
        var records = new RequestRecord[total];
        var tasks = new Task[total];
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var late = 0;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            while (sent < due)
            {
                if (!slots.Wait(0))
                {
                    late++;
                    await slots.WaitAsync();
                }
                var i = sent++;
                tasks[i] = SendAsync(i, records, slots);
            }
            await Task.Delay(1);
        }
        var sendWindow = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        return new LoadResult(records, Math.Max(sendWindow, 1e-3), clock.Elapsed.TotalSeconds, late);
    }

    private async Task SendAsync(int i, RequestRecord[] records, SemaphoreSlim slots)
    {
        var org = numbers.Next();
        var (sector, kind) = Kinds[i % Kinds.Length];
        var body = $$"""{"name":"Bench {{org}}","organisationNumber":"{{org}}","sector":"{{sector}}","kind":"{{kind}}","municipalityCode":"0180"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, _actors)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = token.Header;
        var startUtc = DateTime.UtcNow;
        var t0 = Stopwatch.GetTimestamp();
        var status = 0;
        Guid? actorId = null;
        try
        {
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
            // Location: /api/actors/{id}: the id joins this request to the outbox row and Reporting's fact.
            var location = response.Headers.Location?.OriginalString;
            if (location is not null && Guid.TryParse(location.AsSpan(location.LastIndexOf('/') + 1), out var id))
                actorId = id;
        }
        catch (Exception)
        {
            status = 0;
        }
        finally
        {
            records[i] = new RequestRecord(startUtc, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, status, actorId);
            slots.Release();
        }
    }
}
