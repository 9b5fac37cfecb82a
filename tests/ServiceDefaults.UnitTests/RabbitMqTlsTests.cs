using System.Net.Security;
using System.Reflection;
using MassTransit;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class RabbitMqTlsTests
{
    [Fact]
    public void Amqps_uri_defaults_to_port_5671_and_tls()
    {
        var c = RabbitMqConnection.Parse("amqps://app:secret@broker.example.se/samverkan");
        Assert.Equal(new RabbitMqConnection("broker.example.se", 5671, "samverkan", "app", "secret", UseTls: true), c);
    }

    [Fact]
    public void Amqps_configures_ssl_for_the_host_name_with_no_policy_error_accepted()
    {
        var host = Recorder<IRabbitMqHostConfigurator>.Create();
        var ssl = Recorder<IRabbitMqSslConfigurator>.Create();
        ((Recorder<IRabbitMqHostConfigurator>)(object)host).OnCall = (method, args) =>
        {
            if (method.Name == nameof(IRabbitMqHostConfigurator.UseSsl))
                ((Action<IRabbitMqSslConfigurator>)args[0]!)(ssl);
        };

        RabbitMqConnection.Parse("amqps://app:secret@broker.example.se:5999").Configure(host);

        var hostCalls = ((Recorder<IRabbitMqHostConfigurator>)(object)host).Calls;
        var sslCalls = ((Recorder<IRabbitMqSslConfigurator>)(object)ssl).Calls;
        Assert.Contains(hostCalls, c => c.Name == nameof(IRabbitMqHostConfigurator.UseSsl));
        Assert.Contains(sslCalls, c => c.Name == "set_ServerName" && (string?)c.Args[0] == "broker.example.se");
        var enforced = Assert.Single(sslCalls, c => c.Name == nameof(IRabbitMqSslConfigurator.EnforcePolicyErrors));
        Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable,
            (SslPolicyErrors)enforced.Args[0]!);
        Assert.DoesNotContain(sslCalls, c => c.Name is nameof(IRabbitMqSslConfigurator.AllowPolicyErrors) or "set_CertificateValidationCallback");
    }

    [Fact]
    public void Amqp_does_not_configure_ssl()
    {
        var host = Recorder<IRabbitMqHostConfigurator>.Create();

        RabbitMqConnection.Parse("amqp://app:secret@localhost:5672").Configure(host);

        var calls = ((Recorder<IRabbitMqHostConfigurator>)(object)host).Calls;
        Assert.DoesNotContain(calls, c => c.Name == nameof(IRabbitMqHostConfigurator.UseSsl));
        Assert.Contains(calls, c => c.Name == nameof(IRabbitMqHostConfigurator.Username) && (string?)c.Args[0] == "app");
    }

    [Fact]
    public void The_description_never_shows_the_password()
    {
        Assert.DoesNotContain("secret", RabbitMqConnection.Parse("amqps://app:secret@broker:5671/v").ToString());
    }

    [Fact]
    public void The_host_gets_the_user_and_password_and_tls_1_2_or_1_3_only()
    {
        var host = Recorder<IRabbitMqHostConfigurator>.Create();
        var ssl = Recorder<IRabbitMqSslConfigurator>.Create();
        ((Recorder<IRabbitMqHostConfigurator>)(object)host).OnCall = (method, args) =>
        {
            if (method.Name == nameof(IRabbitMqHostConfigurator.UseSsl))
                ((Action<IRabbitMqSslConfigurator>)args[0]!)(ssl);
        };

        RabbitMqConnection.Parse("amqps://app:s%40cret@broker.example.se").Configure(host);

        var hostCalls = ((Recorder<IRabbitMqHostConfigurator>)(object)host).Calls;
        Assert.Contains(hostCalls, c => c.Name == nameof(IRabbitMqHostConfigurator.Password) && (string?)c.Args[0] == "s@cret");
        var protocol = Assert.Single(((Recorder<IRabbitMqSslConfigurator>)(object)ssl).Calls, c => c.Name == "set_Protocol");
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
            (System.Security.Authentication.SslProtocols)protocol.Args[0]!);
    }

    [Theory]
    [InlineData("amqps://app:secret@broker:5671/v", "amqps://app@broker:5671/v")]
    [InlineData("amqp://app:secret@broker/%2F", "amqp://app@broker:5672/%2F")]
    [InlineData("amqp://:secret@broker:5673/v", "amqp://guest@broker:5673/v")]
    public void The_description_is_scheme_user_host_port_and_virtual_host(string uri, string described)
    {
        Assert.Equal(described, RabbitMqConnection.Parse(uri).ToString());
    }

    /// <summary>An interface whose every call is written down, and answered with a default.</summary>
    public class Recorder<T> : DispatchProxy where T : class
    {
        public List<(string Name, object?[] Args)> Calls { get; } = [];
        public Action<MethodInfo, object?[]> OnCall { get; set; } = (_, _) => { };

        public static T Create() => DispatchProxy.Create<T, Recorder<T>>();

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            Calls.Add((method!.Name, args ?? []));
            OnCall(method, args ?? []);
            return method.ReturnType.IsValueType && method.ReturnType != typeof(void) ? Activator.CreateInstance(method.ReturnType) : null;
        }
    }
}
