using System.Text.RegularExpressions;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>
/// Pure logic, no servers. The signing code against Standard Webhooks' own test vector, and the worked example in
/// docs/integration/webhooks.{en,sv}.md against the signing code, so the documentation cannot drift from what is sent.
/// </summary>
public sealed partial class SignatureExampleTests
{
    [Fact]
    public void Signing_matches_the_standard_webhooks_reference_vector()
    {
        // From the Standard Webhooks specification's reference libraries.
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));
    }

    [Theory]
    [InlineData("webhooks.en.md")]
    [InlineData("webhooks.sv.md")]
    public void The_worked_example_in_the_docs_is_what_the_platform_signs(string page)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "integration", page));
        var secret = Secret().Match(doc).Value;
        var id = Header().Match(doc).Groups["id"].Value;
        var timestamp = long.Parse(Timestamp().Match(doc).Groups["ts"].Value);
        var signature = Signature().Match(doc).Groups["sig"].Value;
        var body = Body().Match(doc).Value.Trim();
        Assert.Equal(WebhookSignature.Sign(secret, id, timestamp, body), signature);
        // The signed content is shown as one line, exactly as it is built.
        Assert.Contains("    " + WebhookSignature.SignedContent(id, timestamp, body) + "\n", doc);
        Assert.Contains(Convert.ToHexStringLower(WebhookSecret.KeyOf(secret)), doc);
        Assert.Contains(Convert.ToHexStringLower(Convert.FromBase64String(signature["v1,".Length..])), doc);
    }

    [Fact]
    public void Both_secrets_sign_during_a_rotations_overlap_and_only_the_new_one_after()
    {
        var now = DateTimeOffset.UtcNow;
        var endpoint = new WebhookEndpoint { Url = "https://example.com/", EventTypes = ["participant.exited"], Secret = WebhookSecret.New() };
        var old = endpoint.Secret;
        var fresh = endpoint.Rotate(TimeSpan.FromHours(1), now);
        Assert.Equal([fresh, old], endpoint.SigningSecrets(now.AddMinutes(59)));
        Assert.Equal([fresh], endpoint.SigningSecrets(now.AddMinutes(61)));
    }

    [Fact]
    public void Retry_delays_follow_the_schedule_within_the_jitter_and_repeat_the_last()
    {
        var schedule = new RetrySchedule([TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)], TimeSpan.FromDays(1), Jitter: 0.2);
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(schedule.DelayAfter(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
            Assert.InRange(schedule.DelayAfter(7), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        }
    }

    [Fact]
    public void Every_event_type_offered_has_a_consumer()
    {
        var consumed = typeof(Consumers.WebhookConsumer<>).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MassTransit.IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]).ToHashSet();
        Assert.All(EventTypes.All, t => Assert.Contains(t.Message, consumed));
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "integration", "webhooks.en.md"));
        Assert.All(EventTypes.Names, name => Assert.Contains($"`{name}`", doc));
    }

    [GeneratedRegex(@"whsec_[A-Za-z0-9+/=]{20,}")] private static partial Regex Secret();
    [GeneratedRegex(@"webhook-id: (?<id>msg_\w+)")] private static partial Regex Header();
    [GeneratedRegex(@"webhook-timestamp: (?<ts>\d+)")] private static partial Regex Timestamp();
    [GeneratedRegex(@"webhook-signature: (?<sig>v1,[A-Za-z0-9+/=]+)")] private static partial Regex Signature();
    [GeneratedRegex(@"(?m)^    \{""id"".*$")] private static partial Regex Body();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Samverkan.sln not found above the test's directory.");
    }
}
