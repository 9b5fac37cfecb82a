using System.Net.Sockets;
using System.Text;

namespace Samverkan.AppHost;

/// <summary>Whether a Docker engine answers: the docker client alone (as on these machines) is not enough.</summary>
internal static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static bool Answers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
            return true; // a remote engine (tcp://, ssh://): Aspire's own checks report it if it does not answer
        var path = string.IsNullOrEmpty(host) ? DefaultSocket : host["unix://".Length..];
        if (!File.Exists(path))
            return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).AsTask().GetAwaiter().GetResult();
            socket.Send("GET /_ping HTTP/1.0\r\n\r\n"u8);
            var buffer = new byte[256];
            var read = socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask().GetAwaiter().GetResult();
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }
}
