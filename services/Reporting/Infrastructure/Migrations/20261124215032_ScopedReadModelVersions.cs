using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <summary>
    /// Read-model versions per scope (a collaboration, all collaborations, or global). The existing shards become the
    /// global scope's, keeping their values: a version never goes back, so no cached report can match again.
    /// </summary>
    public partial class ScopedReadModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_read_model_versions",
                table: "read_model_versions");

            migrationBuilder.AddColumn<Guid>(
                name: "scope",
                table: "read_model_versions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff"));

            migrationBuilder.AddPrimaryKey(
                name: "PK_read_model_versions",
                table: "read_model_versions",
                columns: new[] { "scope", "shard" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM read_model_versions WHERE scope <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'");

            migrationBuilder.DropPrimaryKey(
                name: "PK_read_model_versions",
                table: "read_model_versions");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "read_model_versions");

            migrationBuilder.AddPrimaryKey(
                name: "PK_read_model_versions",
                table: "read_model_versions",
                column: "shard");
        }
    }
}
