using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// A tiny OTLP/HTTP receiver: keeps every request body (gunzipped when sent compressed) by path and answers 200 with
/// an empty protobuf message. Strings travel as plain UTF-8 in protobuf, so the bodies can be searched as text.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public string Endpoint { get; }

    /// <summary>All bodies received on <paramref name="path"/> (e.g. /v1/traces), bytes kept as they are (Latin-1).</summary>
    public string Text(string path) =>
        string.Join('\n', _received.Where(r => r.Path == path).Select(r => Encoding.Latin1.GetString(r.Body)));

    /// <summary>The bodies on <paramref name="path"/> exported by the service named <paramref name="service"/> (its resource's service.name).</summary>
    public IEnumerable<string> Bodies(string path, string service)
    {
        // In protobuf the attribute is the key "service.name", two to six bytes of framing, then the value.
        var exportedBy = new Regex($@"service\.name[\s\S]{{2,6}}{Regex.Escape(service)}");
        return _received.Where(r => r.Path == path).Select(r => Encoding.Latin1.GetString(r.Body)).Where(b => exportedBy.IsMatch(b));
    }

    // Each request is taken in on its own task: at a stop every process flushes its logs, traces and metrics at once, and
    // one request at a time made the last ones wait past their exporter's timeout on a busy machine, losing their batch.
    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => ReceiveAsync(context));
        }
    }

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            var input = context.Request.Headers["Content-Encoding"] == "gzip"
                ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress)
                : context.Request.InputStream;
            await input.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException) { } // the receiver stopped
        finally
        {
            try { context.Response.Close(); }
            catch (ObjectDisposedException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
