using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.Identity.Keys;

/// <summary>One RSA key of the ring: what it is for, when it was made, and the key itself.</summary>
public sealed record RingKey(string Use, DateTimeOffset Created, RsaSecurityKey Key);

/// <summary>
/// The identity service's asymmetric keys, one ring for signing tokens and one for encrypting what only it reads back
/// (authorization codes, refresh tokens). Each key is a PEM file named for its use and the time it was made. At start
/// the ring makes a successor when the active key nears the end of its rotation period, publishes it before it is
/// used, and forgets keys long retired. No key is ever in the source or the configuration.
/// </summary>
public sealed class KeyRing
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
    private const string DevelopmentMarker = "DEVELOPMENT-KEYS";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly string _directory;
    private readonly KeyOptions _options;
    private readonly TimeProvider _time;

    private KeyRing(string directory, KeyOptions options, TimeProvider time)
    {
        _directory = directory;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// The ring in its directory. Outside Development the directory must be configured and must not hold keys a
    /// development run made.
    /// </summary>
    public static KeyRing Open(KeyOptions options, bool development, TimeProvider time)
    {
        var directory = options.Directory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            if (!development)
                throw new InvalidOperationException(
                    "Identity:Keys:Directory must name the directory of the identity service's private keys outside Development (environment variable Identity__Keys__Directory).");
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "Samverkan", "identity-keys");
        }
        Directory.CreateDirectory(directory);
        var marker = Path.Combine(directory, DevelopmentMarker);
        if (development && !File.Exists(marker))
            File.WriteAllText(marker, "Keys made by a development run of the identity service. A production run refuses this directory.\n");
        if (!development && File.Exists(marker))
            throw new InvalidOperationException(
                $"The key directory {directory} holds development keys ({DevelopmentMarker}); give the identity service a key directory of its own outside Development.");
        return new KeyRing(directory, options, time);
    }

    /// <summary>
    /// The keys of one use, the one to use first: a successor is made when needed, retired keys are deleted. The
    /// active key is the newest that has been published for <see cref="KeyOptions.PrePublishDays"/> (or the oldest
    /// if none has yet); the others stay published so tokens they signed still verify.
    /// </summary>
    public IReadOnlyList<RingKey> Current(string use)
    {
        var now = _time.GetUtcNow();
        var prePublish = TimeSpan.FromDays(_options.PrePublishDays);
        var rotation = TimeSpan.FromDays(_options.RotationDays);
        var keep = rotation + prePublish + TimeSpan.FromDays(_options.RetiredKeptDays);

        var keys = Load(use).ToList();
        foreach (var old in keys.Where(k => now - k.Created > keep).ToList())
        {
            File.Delete(PathOf(old.Use, old.Created));
            keys.Remove(old);
        }
        var newest = keys.MaxBy(k => k.Created);
        if (newest is null || now - newest.Created >= rotation - prePublish)
            keys.Add(Create(use, now));

        keys.Sort((a, b) => b.Created.CompareTo(a.Created));
        var active = keys.FirstOrDefault(k => now - k.Created >= prePublish) ?? keys[^1];
        return [active, .. keys.Where(k => k != active)];
    }

    private IEnumerable<RingKey> Load(string use)
    {
        foreach (var file in Directory.EnumerateFiles(_directory, $"{use}-*.pem"))
        {
            var stamp = Path.GetFileNameWithoutExtension(file)[(use.Length + 1)..];
            if (!DateTimeOffset.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
                continue;
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(file));
            yield return new RingKey(use, created, new RsaSecurityKey(rsa) { KeyId = $"{use}-{stamp}" });
        }
    }

    private RingKey Create(string use, DateTimeOffset now)
    {
        now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        var rsa = RSA.Create(2048);
        var path = PathOf(use, now);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // readable by the service's user only
        try
        {
            using var writer = new StreamWriter(new FileStream(path, options));
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made a key the same second: use that one.
            return Load(use).Single(k => k.Created == now);
        }
        return new RingKey(use, now, new RsaSecurityKey(rsa) { KeyId = $"{use}-{now.ToString(StampFormat, CultureInfo.InvariantCulture)}" });
    }

    private string PathOf(string use, DateTimeOffset created) =>
        Path.Combine(_directory, $"{use}-{created.ToString(StampFormat, CultureInfo.InvariantCulture)}.pem");
}
