using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Searching Actors' whole database for an id that must be gone (an erased participant's).</summary>
public static class DatabaseSearch
{
    /// <summary>Whether the id is anywhere in Actors' database: every text-castable column of every table in its schema.</summary>
    public static async Task<bool> HoldsAnywhereAsync(this ActorsApiFactory factory, Guid participant)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
        var tables = await db.Database.SqlQuery<string>($"""
            SELECT table_name AS "Value" FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """).ToListAsync();
        var needle = participant.ToString();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // the table name comes from the catalogue, the value is a parameter
            var found = await db.Database.SqlQueryRaw<bool>(
                $"SELECT EXISTS (SELECT 1 FROM \"{table}\" t WHERE strpos(t::text, @p0) > 0) AS \"Value\"",
                new Npgsql.NpgsqlParameter("p0", needle)).SingleAsync();
#pragma warning restore EF1002
            if (found)
                return true;
        }
        return false;
    }
}
