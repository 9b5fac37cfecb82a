using k8s;
using k8s.Models;
using Samverkan.ServiceDefaults;

namespace Samverkan.Deploy;

/// <summary>
/// The Kubernetes objects of one component: its set-up Job, its Deployment (readiness = /health, liveness = /alive), its
/// Service, its autoscaler on CPU and its disruption budget, and the volume its keys live on.
/// </summary>
public static class ComponentManifests
{
    public const string Namespace = "samverkan";
    /// <summary>Settings every process shares (PlatformManifests.Config); each component's Secret adds its own.</summary>
    public const string SharedConfig = "samverkan";
    private const string KeysMount = "/keys";

    public static string SecretOf(Component c) => $"samverkan-{c.Name}";
    public static string KeysClaimOf(Component c) => $"{c.Name}-keys";

    public static IEnumerable<IKubernetesObject> For(Component c, string imageTag)
    {
        if (c.KeyDirectorySetting is not null)
            yield return KeysClaim(c);
        if (c.HasSetup)
            yield return SetupJob(c, imageTag);
        yield return Deployment(c, imageTag);
        yield return Service(c);
        if (c.MaxReplicas > 1)
        {
            yield return Autoscaler(c);
            yield return DisruptionBudget(c);
        }
    }

    private static V1ObjectMeta Meta(string name, Component c) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = c.Name, ["app.kubernetes.io/part-of"] = "samverkan" },
    };

    private static Dictionary<string, string> Selector(Component c) => new() { ["app.kubernetes.io/name"] = c.Name };

    /// <summary>Shared by the replicas (ReadWriteMany): a key ring one replica writes, the others must read.</summary>
    private static V1PersistentVolumeClaim KeysClaim(Component c) => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = Meta(KeysClaimOf(c), c),
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteMany"],
            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
        },
    };

    /// <summary>
    /// The same image with Setup__Only=true: migrates the database and declares the bus topology, then exits. Apply the
    /// Jobs and wait for them before the Deployments, as the AppHost does (docs/deployment.md).
    /// </summary>
    private static V1Job SetupJob(Component c, string imageTag) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "Job",
        Metadata = Meta(ResourceNames.SetupOf(c.Name), c),
        Spec = new V1JobSpec
        {
            BackoffLimit = 6,
            TtlSecondsAfterFinished = 86_400,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = ResourceNames.SetupOf(c.Name) } },
                Spec = Pod(c, imageTag, setup: true),
            },
        },
    };

    private static V1Deployment Deployment(Component c, string imageTag) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Meta(c.Name, c),
        Spec = new V1DeploymentSpec
        {
            Replicas = Math.Min(2, c.MaxReplicas),
            Selector = new V1LabelSelector { MatchLabels = Selector(c) },
            // A single instance is never run twice, not even during a rollout.
            Strategy = c.MaxReplicas == 1 ? new V1DeploymentStrategy { Type = "Recreate" } : null,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(Meta(c.Name, c).Labels) },
                Spec = Pod(c, imageTag, setup: false),
            },
        },
    };

    private static V1PodSpec Pod(Component c, string imageTag, bool setup)
    {
        var env = new List<V1EnvVar>();
        if (setup)
            env.Add(new V1EnvVar { Name = ServiceSetup.EnvironmentVariable, Value = "true" });
        if (c.KeyDirectorySetting is not null)
            env.Add(new V1EnvVar { Name = c.KeyDirectorySetting, Value = KeysMount });
        var mounts = new List<V1VolumeMount> { new() { MountPath = "/tmp", Name = "tmp" } };
        var volumes = new List<V1Volume> { new() { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() } };
        if (c.KeyDirectorySetting is not null)
        {
            mounts.Add(new V1VolumeMount { MountPath = KeysMount, Name = "keys" });
            volumes.Add(new V1Volume { Name = "keys", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = KeysClaimOf(c) } });
        }
        var container = new V1Container
        {
            Name = c.Name,
            Image = $"{c.Image}:{imageTag}",
            Env = env.Count > 0 ? env : null,
            EnvFrom =
            [
                new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = SharedConfig } },
                new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = SecretOf(c), Optional = c.RequiredSecrets.Any() ? null : true } },
            ],
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("256Mi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("768Mi") },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                RunAsNonRoot = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts = mounts,
        };
        if (!setup)
        {
            container.Ports = [new V1ContainerPort { ContainerPort = Components.HttpPort, Name = "http" }];
            // /health: its database and broker are reachable (take it out of the Service when not); /alive: the process
            // answers at all (restart it when not). Start-up may take a while on a busy node, so liveness waits for it.
            container.ReadinessProbe = Probe("/health", periodSeconds: 10, failureThreshold: 3);
            container.LivenessProbe = Probe("/alive", periodSeconds: 20, failureThreshold: 3);
            container.StartupProbe = Probe("/alive", periodSeconds: 5, failureThreshold: 36);
        }
        return new V1PodSpec
        {
            Containers = [container],
            Volumes = volumes,
            RestartPolicy = setup ? "OnFailure" : null,
            // The SDK's images run as the non-root user "app" (UID 1654); its group owns the mounted keys.
            SecurityContext = new V1PodSecurityContext { FsGroup = 1654, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
            TerminationGracePeriodSeconds = setup ? null : 45, // a clean stop flushes the outbox pass and telemetry
        };
    }

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 5,
    };

    private static V1Service Service(Component c) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta(c.Name, c),
        Spec = new V1ServiceSpec
        {
            Selector = Selector(c),
            Ports = [new V1ServicePort { Port = Components.HttpPort, Name = "http", TargetPort = "http" }],
        },
    };

    private static V2HorizontalPodAutoscaler Autoscaler(Component c) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = Meta(c.Name, c),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = c.Name },
            MinReplicas = 2,
            MaxReplicas = c.MaxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 70 },
                    },
                },
            ],
        },
    };

    /// <summary>A node drain never takes the last replica: one stays while the other moves.</summary>
    private static V1PodDisruptionBudget DisruptionBudget(Component c) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Meta(c.Name, c),
        Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = Selector(c) } },
    };
}
