using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RegionalTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regional_totals",
                columns: table => new
                {
                    scope = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    counts = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regional_totals", x => new { x.scope, x.municipality_code });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            // The rows for what has been counted already, from the per-key totals (as a rebuild fills them).
            migrationBuilder.Sql(Model.RegionalCounts.FromParticipantTotalsSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regional_totals");
        }
    }
}
