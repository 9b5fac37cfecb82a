using k8s;
using k8s.Models;
using Samverkan.ServiceDefaults;

namespace Samverkan.Deploy;

/// <summary>
/// What the components share: their namespace, the settings every process reads (the cluster's counterpart of what the
/// AppHost gives each process), and the Ingress in front of the gateway, the platform's one public address.
/// </summary>
public static class PlatformManifests
{
    /// <summary>The public address people and agencies' systems use: the token issuer. Set your own before applying.</summary>
    public const string PublicHost = "samverkan.example.se";
    /// <summary>An OpenTelemetry collector (or the Aspire dashboard) in the cluster; remove the setting to export nothing.</summary>
    public const string OtlpEndpoint = "http://otel-collector.observability:4318";

    public static IEnumerable<IKubernetesObject> All()
    {
        yield return new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = ComponentManifests.Namespace } };
        yield return Config();
        yield return Ingress();
    }

    /// <summary>The shared settings, by the configuration keys the code reads (environment-variable form).</summary>
    public static IReadOnlyDictionary<string, string> Settings()
    {
        var issuer = $"https://{PublicHost}/";
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = Components.HttpPort.ToString(),
            // Tokens are issued at the public address; every process reads the keys from the identity service itself.
            ["Auth__Authority"] = issuer,
            ["Auth__MetadataAddress"] = $"http://{ResourceNames.Identity}:{Components.HttpPort}/.well-known/openid-configuration",
            ["Identity__Issuer"] = issuer,
            ["Identity__Web__RedirectUri"] = $"{issuer}signin-oidc",
            ["Identity__Web__PostLogoutRedirectUri"] = $"{issuer}signout-callback-oidc",
            // TLS ends at the Ingress; inside the cluster the identity service is reached over http.
            ["Identity__RequireHttps"] = "false",
            // Durable, replicated queues on a RabbitMQ cluster (ServiceDefaults/Messaging/MessagingOptions.cs).
            ["Messaging__QuorumQueues"] = "true",
            // Each gateway replica enforces 1/N of the per-client rate limit (gateway/Extensions/RateLimiting.cs); N is
            // the autoscaler's ceiling, so that no number of replicas lets a client past its limit.
            ["Gateway__Instances"] = Components.All.Single(c => c.Name == ResourceNames.Gateway).MaxReplicas.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        // Service discovery: the name each process is found by, as the AppHost's references give it.
        foreach (var name in Components.Discoverable)
            settings[$"services__{name}__http__0"] = $"http://{name}:{Components.HttpPort}";
        return settings;
    }

    private static V1ConfigMap Config() => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = ComponentManifests.SharedConfig, NamespaceProperty = ComponentManifests.Namespace },
        Data = new Dictionary<string, string>(Settings()),
    };

    private static V1Ingress Ingress() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta { Name = ResourceNames.Gateway, NamespaceProperty = ComponentManifests.Namespace },
        Spec = new V1IngressSpec
        {
            Tls = [new V1IngressTLS { Hosts = [PublicHost], SecretName = "samverkan-tls" }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = PublicHost,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = ResourceNames.Gateway, Port = new V1ServiceBackendPort { Name = "http" } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    };
}
