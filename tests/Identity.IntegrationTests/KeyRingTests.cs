using Samverkan.Identity.Keys;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>Key rollover: a successor is published before it signs, the one it replaces stays published, then goes.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"keyring-tests-{Guid.NewGuid():N}");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly KeyOptions Options = new() { RotationDays = 90, PrePublishDays = 7, RetiredKeptDays = 14 };

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private IReadOnlyList<RingKey> KeysOn(DateTimeOffset day) =>
        KeyRing.Open(new KeyOptions { Directory = _directory, RotationDays = Options.RotationDays, PrePublishDays = Options.PrePublishDays,
            RetiredKeptDays = Options.RetiredKeptDays }, development: false, new At(day)).Current(KeyRing.Signing);

    [Fact]
    public void A_new_ring_makes_one_key_and_signs_with_it_and_a_restart_keeps_it()
    {
        var first = KeysOn(Start);
        var again = KeysOn(Start.AddDays(1));

        Assert.Single(first);
        Assert.Equal(first[0].Key.KeyId, again.Single().Key.KeyId);
    }

    [Fact]
    public void The_successor_is_published_a_week_before_it_signs_and_the_old_key_stays_published_then_goes()
    {
        var original = KeysOn(Start).Single().Key.KeyId;

        var published = KeysOn(Start.AddDays(84)); // 90 − 7: the successor is made, the original still signs
        var switched = KeysOn(Start.AddDays(92)); // the successor has been published for a week: it signs
        var later = KeysOn(Start.AddDays(90 + 7 + 14 + 1)); // the original is long retired: gone

        Assert.Equal(2, published.Count);
        Assert.Equal(original, published[0].Key.KeyId);
        var successor = published[1].Key.KeyId;
        Assert.Equal([successor, original], switched.Select(k => k.Key.KeyId));
        Assert.DoesNotContain(original, later.Select(k => k.Key.KeyId));
        Assert.Equal(successor, later[0].Key.KeyId);
    }

    [Fact]
    public void Outside_Development_a_key_directory_must_be_configured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KeyRing.Open(new KeyOptions(), development: false, TimeProvider.System));
        Assert.Contains("Identity:Keys:Directory", error.Message);
    }

    [Fact]
    public void Outside_Development_keys_a_development_run_made_are_refused()
    {
        KeyRing.Open(new KeyOptions { Directory = _directory }, development: true, TimeProvider.System).Current(KeyRing.Signing);

        var error = Assert.Throws<InvalidOperationException>(() => KeyRing.Open(new KeyOptions { Directory = _directory }, development: false, TimeProvider.System));
        Assert.Contains("development keys", error.Message);
    }

    [Fact]
    public void Private_keys_are_readable_by_the_services_user_only()
    {
        KeysOn(Start);
        if (OperatingSystem.IsWindows())
            return;
        foreach (var file in Directory.EnumerateFiles(_directory, "*.pem"))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
