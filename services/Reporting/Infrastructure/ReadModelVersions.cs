using Microsoft.EntityFrameworkCore;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// One shard of the read models' version: the sum over the shards goes up by at least one in every transaction
/// that changes a read model (a consumer's, a rebuild's), committed with that change. Sharded so that consumers
/// running side by side seldom wait on the same row.
/// </summary>
public sealed class ReadModelVersion
{
    public int Shard { get; init; }
    public long Version { get; set; }
}

/// <summary>
/// The version a cached report is checked against: one tiny query per request, the same in every Reporting
/// instance because it lives in the database.
/// </summary>
/// <remarks>
/// A reader reads the version before it reads any figures. Figures read afterwards can only be as new or newer
/// (read committed), so a report built from them and kept under that version is never older than the version
/// says; and any commit that changes them also raises the version, so the next request builds again.
/// </remarks>
public static class ReadModelVersions
{
    public const int Shards = 16;

    public static Task BumpAsync(ReportingDbContext db, Guid messageId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"UPDATE read_model_versions SET version = version + 1 WHERE shard = {ShardOf(messageId)}", ct);

    public static Task<long> CurrentAsync(ReportingDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<long>($"""SELECT coalesce(sum(version), 0)::bigint AS "Value" FROM read_model_versions""").SingleAsync(ct);

    private static int ShardOf(Guid messageId) => (int)((uint)messageId.GetHashCode() % Shards);
}
