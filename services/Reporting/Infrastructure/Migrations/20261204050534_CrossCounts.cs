using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    /// <remarks>Holds what is counted from now on; for participants counted before, run a rebuild (POST /api/reports/admin/rebuilds).</remarks>
    public partial class CrossCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cross_counts",
                columns: table => new
                {
                    scope = table.Column<Guid>(type: "uuid", nullable: false),
                    rows = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    columns = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    row_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    column_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cross_counts", x => new { x.scope, x.rows, x.columns, x.months, x.start, x.row_key, x.column_key, x.gender, x.measure });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cross_counts");
        }
    }
}
