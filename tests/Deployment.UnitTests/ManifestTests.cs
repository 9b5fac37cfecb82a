using System.Text.RegularExpressions;
using System.Xml.Linq;
using k8s;
using k8s.Models;
using Samverkan.Deploy;
using Samverkan.ServiceDefaults;

namespace Samverkan.Deployment.UnitTests;

/// <summary>
/// deploy/kubernetes as committed: what the declaration generates, valid against Kubernetes' own types (no cluster runs
/// here, so the schema check is the client library's typed model, read strictly: an unknown or misspelt field fails),
/// and consistent with itself and with the code (probes on the paths ServiceDefaults maps, every process the AppHost
/// runs, images the projects build, no secret written down).
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");

    [Fact]
    public void The_committed_manifests_are_what_the_declaration_generates()
    {
        var generated = ManifestFiles.Generate();
        if (Environment.GetEnvironmentVariable("SAMVERKAN_WRITE_MANIFESTS") == "1")
            foreach (var (name, text) in generated)
                File.WriteAllText(Path.Combine(Folder, name), text);

        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, text) in generated)
            Assert.True(text == File.ReadAllText(Path.Combine(Folder, name)),
                $"deploy/kubernetes/{name} differs from what deploy/Manifests generates: run `dotnet run --project deploy/Manifests -- deploy/kubernetes`.");
    }

    [Fact]
    public void Every_manifest_reads_strictly_as_Kubernetes_objects_and_a_misspelt_field_does_not()
    {
        var objects = Committed();
        Assert.Contains(objects, o => o is V1Deployment);
        foreach (var metadata in objects.Cast<IMetadata<V1ObjectMeta>>().Select(o => o.Metadata))
        {
            Assert.Matches(Dns1123Label(), metadata.Name);
            Assert.True(metadata.Name == ComponentManifests.Namespace || metadata.NamespaceProperty == ComponentManifests.Namespace, metadata.Name);
        }
        // The check can fail: the same reading refuses a field Kubernetes does not have.
        var misspelt = File.ReadAllText(Path.Combine(Folder, $"{ResourceNames.Actors}.yaml")).Replace("  replicas: 2", "  replicaz: 2");
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misspelt, strict: true));
    }

    [Fact]
    public void Every_process_the_AppHost_runs_has_a_deployment_ready_on_health_and_alive_on_alive_and_each_database_a_setup_job()
    {
        var objects = Committed();
        string[] processes = [.. ResourceNames.Services, ResourceNames.Gateway, ResourceNames.Web];
        Assert.Equal(processes.Order(), objects.OfType<V1Deployment>().Select(d => d.Metadata.Name).Order());
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            var port = Assert.Single(container.Ports);
            Assert.Equal(("/health", port.Name), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
            Assert.Equal(("/alive", port.Name), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
            Assert.True(container.SecurityContext.RunAsNonRoot == true && container.SecurityContext.ReadOnlyRootFilesystem == true, deployment.Metadata.Name);
            Assert.NotNull(container.Resources.Requests["cpu"]);
        }
        foreach (var component in Components.All.Where(c => c.Database is not null))
        {
            var job = Assert.Single(objects.OfType<V1Job>(), j => j.Metadata.Name == ResourceNames.SetupOf(component.Name));
            Assert.Contains(job.Spec.Template.Spec.Containers[0].Env, e => e is { Name: ServiceSetup.EnvironmentVariable, Value: "true" });
            Assert.Equal(Image(objects, component.Name), job.Spec.Template.Spec.Containers[0].Image);
        }
    }

    [Fact]
    public void Services_autoscalers_budgets_volumes_and_settings_point_at_what_exists()
    {
        var objects = Committed();
        var deployments = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        var claims = objects.OfType<V1PersistentVolumeClaim>().Select(c => c.Metadata.Name).ToHashSet();
        var config = Assert.Single(objects.OfType<V1ConfigMap>());
        foreach (var service in objects.OfType<V1Service>())
        {
            var target = deployments[service.Metadata.Name];
            Assert.True(Selects(service.Spec.Selector, target.Spec.Template.Metadata.Labels), $"Service {service.Metadata.Name} selects no pod of its Deployment");
            // The address every process is told to find it at is this Service's.
            Assert.Equal($"http://{service.Metadata.Name}:{service.Spec.Ports[0].Port}", config.Data[$"services__{service.Metadata.Name}__http__0"]);
        }
        foreach (var autoscaler in objects.OfType<V2HorizontalPodAutoscaler>())
        {
            Assert.Contains(autoscaler.Spec.ScaleTargetRef.Name, deployments.Keys);
            Assert.True(autoscaler.Spec.MinReplicas >= 2 && autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas);
            Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu");
        }
        foreach (var budget in objects.OfType<V1PodDisruptionBudget>())
            Assert.True(Selects(budget.Spec.Selector.MatchLabels, deployments[budget.Metadata.Name].Spec.Template.Metadata.Labels));
        foreach (var pod in deployments.Values.Select(d => d.Spec.Template.Spec).Concat(objects.OfType<V1Job>().Select(j => j.Spec.Template.Spec)))
        {
            foreach (var volume in pod.Volumes.Where(v => v.PersistentVolumeClaim is not null))
                Assert.Contains(volume.PersistentVolumeClaim.ClaimName, claims);
            Assert.All(pod.Containers[0].EnvFrom.Where(e => e.ConfigMapRef is not null), e => Assert.Equal(config.Metadata.Name, e.ConfigMapRef.Name));
        }
        // A single instance is never scaled, and never run twice during a rollout.
        foreach (var single in Components.All.Where(c => c.MaxReplicas == 1))
        {
            Assert.DoesNotContain(objects.OfType<V2HorizontalPodAutoscaler>(), a => a.Spec.ScaleTargetRef.Name == single.Name);
            Assert.Equal((1, "Recreate"), (deployments[single.Name].Spec.Replicas, deployments[single.Name].Spec.Strategy?.Type));
        }
    }

    [Fact]
    public void Nothing_secret_is_written_down_each_component_reads_its_own_secret()
    {
        var objects = Committed();
        Assert.DoesNotContain(objects, o => o is V1Secret);
        var written = string.Join('\n', Directory.GetFiles(Folder, "*.yaml").Select(File.ReadAllText));
        Assert.DoesNotMatch(@"(?i)password\s*=|amqps?://[^\s@]+@|ConnectionStrings__\w+:\s", written);
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var secrets = deployment.Spec.Template.Spec.Containers[0].EnvFrom.Where(e => e.SecretRef is not null).Select(e => e.SecretRef.Name);
            Assert.Equal([$"samverkan-{deployment.Metadata.Name}"], secrets);
        }
    }

    [Fact]
    public void Each_image_is_the_one_its_project_builds()
    {
        var objects = Committed();
        foreach (var component in Components.All)
        {
            var project = component.Name switch
            {
                ResourceNames.Gateway => "gateway/Gateway.csproj",
                ResourceNames.Web => "web/Web.csproj",
                _ => $"services/{char.ToUpperInvariant(component.Name[0])}{component.Name[1..]}/{char.ToUpperInvariant(component.Name[0])}{component.Name[1..]}.csproj",
            };
            var repository = XDocument.Load(Path.Combine(RepositoryRoot(), project)).Descendants("ContainerRepository").Single().Value;
            Assert.Equal(component.Image, repository);
            Assert.StartsWith($"{repository}:", Image(objects, component.Name));
        }
    }

    private static List<IKubernetesObject> Committed() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true)).Cast<IKubernetesObject>()];

    private static string Image(List<IKubernetesObject> objects, string deployment) =>
        objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == deployment).Spec.Template.Spec.Containers[0].Image;

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Samverkan.sln not found above " + AppContext.BaseDirectory);
    }
}
