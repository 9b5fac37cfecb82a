using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Employers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TombstoneHashes : Migration
    {
        /// <summary>
        /// The tombstones keep a SHA-256 of the erased id instead of the id (Copies.TombstoneOf). Rows written before are
        /// converted in place: the hash is over .NET's Guid.ToByteArray() order (the first three fields little-endian), not
        /// PostgreSQL's uuid_send order, so the bytes are reordered before hashing.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE erased_participants ADD COLUMN id_hash bytea;
                UPDATE erased_participants SET id_hash = sha256(decode(
                    substr(h, 7, 2) || substr(h, 5, 2) || substr(h, 3, 2) || substr(h, 1, 2) ||
                    substr(h, 11, 2) || substr(h, 9, 2) || substr(h, 15, 2) || substr(h, 13, 2) || substr(h, 17), 'hex'))
                FROM (SELECT participant_id AS id, replace(participant_id::text, '-', '') AS h FROM erased_participants) AS x
                WHERE erased_participants.participant_id = x.id;
                ALTER TABLE erased_participants DROP CONSTRAINT "PK_erased_participants";
                ALTER TABLE erased_participants DROP COLUMN participant_id;
                ALTER TABLE erased_participants ALTER COLUMN id_hash SET NOT NULL;
                ALTER TABLE erased_participants ADD CONSTRAINT "PK_erased_participants" PRIMARY KEY (id_hash);
                """);
        }

        /// <summary>A hash cannot be turned back into the id it was made from: going back would lose every tombstone.</summary>
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The erased participants' ids are no longer held (only their hashes): this migration cannot be reverted.");
    }
}
