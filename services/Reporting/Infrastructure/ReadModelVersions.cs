using Microsoft.EntityFrameworkCore;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// One shard of one scope's read-model version: the sum over a scope's shards goes up in every transaction that
/// changes what a report of that scope reads (a consumer's, a rebuild's), committed with that change. Sharded so
/// that consumers running side by side seldom wait on the same row; rows appear on their first change.
/// </summary>
public sealed class ReadModelVersion
{
    public Guid Scope { get; init; }
    public int Shard { get; init; }
    public long Version { get; set; }
}

/// <summary>
/// The versions cached reports are checked against: one tiny query per request, the same in every Reporting
/// instance because they live in the database.
/// </summary>
/// <remarks>
/// <para>
/// A scope is a collaboration, or <see cref="Model.Dimensions.AllCollaborations"/> for the counts summed over all of
/// them: what a cached report of that scope reads (its counters, hours and collaboration facts) changes only with
/// that scope's version. Everything else a cached report may read (actor names, say) is under <see cref="Global"/>,
/// which every report's version includes; a consumer that does not name the scopes it changed raises
/// <see cref="Global"/> (see <see cref="Consumers.ReadModelReach"/>). So an event in one collaboration leaves the
/// other collaborations' cached summaries standing.
/// </para>
/// <para>
/// A reader reads the version before it reads any figures. Figures read afterwards can only be as new or newer
/// (read committed), so a report built from them and kept under that version is never older than the version
/// says; and any commit that changes them also raises the version, so the next request builds again.
/// </para>
/// </remarks>
public static class ReadModelVersions
{
    public const int Shards = 16;

    /// <summary>The scope every cached report depends on, whatever its own scope.</summary>
    public static readonly Guid Global = Guid.AllBitsSet;

    /// <summary>Raises <paramref name="scopes"/>' versions, each in the shard <paramref name="messageId"/> falls in.</summary>
    public static Task BumpAsync(ReportingDbContext db, IEnumerable<Guid> scopes, Guid messageId, CancellationToken ct)
    {
        // Sorted: two transactions raising the same rows lock them in the same order and never deadlock.
        var rows = scopes.Distinct().Order().ToArray();
        var shard = (int)((uint)messageId.GetHashCode() % Shards);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO read_model_versions (scope, shard, version) SELECT s, {shard}, 1 FROM unnest({rows}::uuid[]) AS s
            ON CONFLICT (scope, shard) DO UPDATE SET version = read_model_versions.version + 1
            """, ct);
    }

    /// <summary>The version a report of <paramref name="scope"/> is cached under: <see cref="Global"/>'s and the scope's.</summary>
    public static Task<long> CurrentAsync(ReportingDbContext db, Guid scope, CancellationToken ct) =>
        db.Database.SqlQuery<long>($"""
            SELECT coalesce(sum(version), 0)::bigint AS "Value" FROM read_model_versions WHERE scope = ANY({new[] { Global, scope }})
            """).SingleAsync(ct);
}
