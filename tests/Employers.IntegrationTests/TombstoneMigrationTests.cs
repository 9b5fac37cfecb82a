using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// The tombstones of participants erased before tombstones were hashes keep refusing them after the migration: it hashes
/// the ids in SQL in the bytes' order that <see cref="Copies.TombstoneOf"/> uses in C#, and keeps no id in clear.
/// </summary>
public sealed class TombstoneMigrationTests
{
    [Fact]
    public async Task A_tombstone_written_as_an_id_is_found_by_its_hash_after_the_migration_and_the_id_is_gone()
    {
        var infra = await Samverkan.Testing.Infrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync("employers_tombstones");
        try
        {
            await using var db = new EmployersDbContext(new DbContextOptionsBuilder<EmployersDbContext>().UseNpgsql(database).Options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261203211304_CopyRevisions");
            var erased = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync($"INSERT INTO erased_participants (participant_id) VALUES ({erased})");

            await migrator.MigrateAsync();

            Assert.True(await Erasures.IsErasedAsync(db, erased, default));
            Assert.False(await Erasures.IsErasedAsync(db, Guid.NewGuid(), default));
            var columns = await db.Database.SqlQuery<string>(
                $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'erased_participants'").ToListAsync();
            Assert.Equal(["id_hash"], columns);
        }
        finally
        {
            await infra.DropDatabaseAsync(database);
        }
    }
}
