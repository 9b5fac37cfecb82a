using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Apis;

/// <summary>
/// What a built report depends on: which report, the scope whose figures it reads (a collaboration, or
/// <see cref="Dimensions.AllCollaborations"/>; its version is checked, see <see cref="Infrastructure.ReadModelVersions"/>),
/// its municipality and period, the language and what the viewer may see. <c>Threshold</c> is null for exact
/// figures and the suppression threshold otherwise, so a suppressed viewer's request can never find an exact report.
/// <c>Viewer</c>: the agency whose own collaborations the pattern protects (the suppressed regional view across
/// collaborations, see <see cref="ScopePatterns.RegionalAsync"/>), so one agency's report is never served to another.
/// </summary>
public sealed record ReportCacheKey(
    string Report, Guid Scope, string? Municipality, DateOnly? From, DateOnly To, ReportLanguage Language, int? Threshold,
    Guid? Viewer = null);

/// <summary>A report's JSON and the read-model version it was built at.</summary>
internal sealed record CachedJson(long Version, byte[] Json);

/// <summary>
/// Reports' JSON kept in memory until the read models change (<see cref="Infrastructure.ReadModelVersions"/>):
/// the read models change only when events arrive, while the same reports are asked for again and again.
/// Bounded by the size of the JSON; each Reporting instance keeps its own, all checked against the database's
/// version.
/// </summary>
/// <remarks>
/// The JSON only, not the report objects: a byte array costs the garbage collector nothing to trace, while a
/// regional view is tens of thousands of small objects, and hundreds of them kept alive made every full
/// collection, and so the slowest requests, 100 ms and more. Exports, rarer, are built each time.
/// </remarks>
public sealed class ReportCache(IOptions<ReportingOptions> options)
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ReportCacheMegabytes * 1024L * 1024L });

    /// <param name="build">The report from the read models; null when there is none (nothing is kept).</param>
    public async Task<byte[]?> GetOrBuildJsonAsync<T>(
        ReportingDbContext db, ReportCacheKey key, Func<Task<T?>> build, JsonSerializerOptions json, CancellationToken ct) where T : class
    {
        // Read before anything build reads (see ReadModelVersions).
        var version = await ReadModelVersions.CurrentAsync(db, key.Scope, ct);
        if (_cache.TryGetValue(key, out CachedJson? hit) && hit!.Version == version)
            return hit.Json;
        var report = await build();
        if (report is null)
            return null;
        var entry = new CachedJson(version, JsonSerializer.SerializeToUtf8Bytes(report, json));
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Json.Length + 1024, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return entry.Json;
    }
}
