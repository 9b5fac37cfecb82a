using System.Diagnostics;

namespace Samverkan.AppHost.Hosting;

/// <summary>Polls a health endpoint until it answers 2xx, telling the user what it is waiting for.</summary>
internal static class HealthWaiter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static async Task WaitAsync(string name, Uri url, TimeSpan timeout, ConsoleOutput console, CancellationToken cancellationToken)
    {
        console.Info($"waiting for {name}…");
        var clock = Stopwatch.StartNew();
        var nextReport = ReportEvery;
        var last = "no answer yet";
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    console.Info($"{name} is healthy ({clock.Elapsed.TotalSeconds:0.0} s)");
                    return;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                last = $"{(int)response.StatusCode} {Shorten(body)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "no answer within 5 s";
            }

            if (clock.Elapsed > timeout)
                throw new StartupException(
                    $"{name} did not become healthy within {timeout.TotalSeconds:0} s; {url} last said: {last}");
            if (clock.Elapsed > nextReport)
            {
                console.Info($"still waiting for {name} ({clock.Elapsed.TotalSeconds:0} s; {url}: {last})");
                nextReport += ReportEvery;
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
