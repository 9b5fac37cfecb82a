using System.Text.RegularExpressions;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults.UnitTests;

/// <summary>The expressions checked against the names MassTransit gives (listed with rabbitmqctl after a run of the platform).</summary>
public sealed class BusPermissionsTests
{
    private static readonly BusPermissions Employers = BusPermissions.For(ResourceNames.Employers);

    [Theory]
    [InlineData("employers-actor-registered")] // its queue, and the exchange in front of it
    [InlineData("employers-actor-registered_error")]
    [InlineData("employers-actor-registered_skipped")]
    [InlineData("Samverkan.Contracts.Employers:OfferPublished")] // its own event
    public void A_service_may_write_to_its_own_queues_and_event_exchanges(string name) =>
        Assert.Matches(Employers.Write, name);

    [Theory]
    [InlineData("Samverkan.Contracts.Participants:ParticipantErased")] // another service's event
    [InlineData("reporting-offer-published")] // another service's queue
    [InlineData("MassTransit:Fault")]
    [InlineData("amq.default")]
    [InlineData("xemployers-actor-registered")]
    public void A_service_may_write_nowhere_else(string name) =>
        Assert.DoesNotMatch(Employers.Write, name);

    [Theory]
    [InlineData("employers-participant-enrolled", true)]
    [InlineData("Samverkan.Contracts.Participants:ParticipantEnrolled", true)] // the source of its binding
    [InlineData("reporting-participant-enrolled", false)]
    [InlineData("participants-actor-registered", false)]
    public void A_service_reads_its_own_queues_and_binds_from_event_exchanges(string name, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(name, Employers.Read));

    [Fact]
    public void Each_service_has_a_user_of_its_own() =>
        Assert.Equal(["samverkan-actors", "samverkan-participants", "samverkan-employers", "samverkan-reporting", "samverkan-webhooks"],
            BusPermissions.Services.Select(BusPermissions.UserOf));

    [Fact]
    public void Infra_script_sets_the_same_permissions()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "scripts", "infra.sh"));
        Assert.Contains($"BUS_SERVICES=\"{string.Join(' ', BusPermissions.Services)}\"", script);
        foreach (var service in BusPermissions.Services)
        {
            var expected = BusPermissions.For(service);
            var printed = RunBash($"source <(sed -n '/^# bus_permissions begin/,/^# bus_permissions end/p' scripts/infra.sh); bus_permissions {service}");
            Assert.Equal($"{expected.Configure}\n{expected.Write}\n{expected.Read}", printed.Trim());
        }
    }

    private static string RunBash(string command)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Samverkan.sln not found above the test's directory");
    }
}
