using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Apis;

/// <summary>
/// What a built report depends on besides the read models: which report, its scope and period, the language and
/// what the viewer may see. <c>Threshold</c> is null for exact figures and the suppression threshold otherwise,
/// so a suppressed viewer's request can never find an exact report.
/// </summary>
public sealed record ReportCacheKey(
    string Report, Guid? Scope, string? Municipality, DateOnly? From, DateOnly To, ReportLanguage Language, int? Threshold);

/// <summary>A built report, the read-model version it was built at, and its JSON serialised once, when first asked for.</summary>
public sealed class CachedReport<T>(long version, T report, Func<T, byte[]> serialise) where T : class
{
    private readonly Lazy<byte[]> _json = new(() => serialise(report));

    public long Version { get; } = version;
    public T Report { get; } = report;
    public byte[] Json => _json.Value;
}

/// <summary>
/// Built reports kept in memory until the read models change (<see cref="Infrastructure.ReadModelVersions"/>):
/// the read models change only when events arrive, while the same reports are asked for again and again.
/// Bounded by the size of their JSON; each Reporting instance keeps its own, all checked against the database's
/// version.
/// </summary>
public sealed class ReportCache(IOptions<ReportingOptions> options)
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ReportCacheMegabytes * 1024L * 1024L });

    /// <param name="version">Read before anything <paramref name="build"/> reads (see <see cref="Infrastructure.ReadModelVersions"/>).</param>
    /// <param name="build">The report from the read models; null when there is none (nothing is kept).</param>
    public async Task<CachedReport<T>?> GetOrBuildAsync<T>(
        ReportCacheKey key, long version, Func<Task<T?>> build, JsonSerializerOptions json) where T : class
    {
        if (_cache.TryGetValue(key, out CachedReport<T>? hit) && hit!.Version == version)
            return hit;
        var report = await build();
        if (report is null)
            return null;
        var entry = new CachedReport<T>(version, report, r => JsonSerializer.SerializeToUtf8Bytes(r, json));
        // Sized by its JSON, serialised here once rather than on every hit.
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Json.Length + 1024, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return entry;
    }
}
