using System.Net.Security;
using System.Security.Authentication;
using MassTransit;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// The parts of an <c>amqp://user:password@host:port/vhost</c> connection string. <c>amqps://</c> means TLS: port 5671
/// unless another is named, the server's certificate validated against the host name and the machine's trusted roots.
/// </summary>
public sealed record RabbitMqConnection(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls = false)
{
    public const ushort DefaultPort = 5672;
    public const ushort DefaultTlsPort = 5671;

    public static RabbitMqConnection Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"No RabbitMQ connection string: set ConnectionStrings__{ResourceNames.Messaging} (for example amqp://guest:guest@localhost:5672).");
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
            throw new InvalidOperationException(
                $"ConnectionStrings__{ResourceNames.Messaging} must be an amqp:// URI, for example amqp://guest:guest@localhost:5672.");

        var tls = uri.Scheme == "amqps";
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqConnection(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? tls ? DefaultTlsPort : DefaultPort : uri.Port),
            string.IsNullOrEmpty(vhost) ? "/" : vhost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest",
            tls);
    }

    /// <summary>
    /// The credentials and, for amqps, TLS on MassTransit's host. No policy error is acceptable: an untrusted chain, a
    /// name that is not <see cref="Host"/> or no certificate at all fails the connection (MassTransit's UseSsl would
    /// otherwise accept chain errors).
    /// </summary>
    public void Configure(IRabbitMqHostConfigurator host)
    {
        host.Username(Username);
        host.Password(Password);
        if (!UseTls)
            return;
        host.UseSsl(ssl =>
        {
            ssl.ServerName = Host;
            ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
            ssl.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors
                                    | SslPolicyErrors.RemoteCertificateNameMismatch
                                    | SslPolicyErrors.RemoteCertificateNotAvailable);
        });
    }

    /// <summary>Where and as whom, never the password (a record would print every property).</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{Uri.EscapeDataString(Username)}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
