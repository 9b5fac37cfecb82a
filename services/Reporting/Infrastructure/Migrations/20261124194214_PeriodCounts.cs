using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PeriodCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "participant_period_counts",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_period_counts", x => new { x.collaboration_id, x.dimension, x.key, x.gender, x.months, x.start });
                });

            migrationBuilder.CreateIndex(
                name: "IX_participant_period_counts_collaboration_id_months_start",
                table: "participant_period_counts",
                columns: new[] { "collaboration_id", "months", "start" })
                .Annotation("Npgsql:IndexInclude", new[] { "dimension", "key", "gender", "count" });

            // Counts already held are summed by month and year here; from now on the consumers keep them.
            migrationBuilder.Sql("""
                INSERT INTO participant_period_counts (collaboration_id, dimension, key, gender, months, start, count)
                SELECT collaboration_id, dimension, key, gender, 1, date_trunc('month', day)::date, sum(count) FROM participant_counts GROUP BY 1, 2, 3, 4, 6
                UNION ALL
                SELECT collaboration_id, dimension, key, gender, 12, date_trunc('year', day)::date, sum(count) FROM participant_counts GROUP BY 1, 2, 3, 4, 6;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "participant_period_counts");
        }
    }
}
