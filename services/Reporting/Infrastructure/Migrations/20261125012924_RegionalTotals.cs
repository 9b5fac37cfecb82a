using System;
using System.Collections.Generic;
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
            migrationBuilder.Sql(FromParticipantTotalsSql());
        }

        /// <summary>
        /// The layout of this migration's time, frozen here (it was RegionalCounts.FromParticipantTotalsSql): started by gender
        /// (woman, man, non-binary), then each outcome's exits by gender, in the enum's order then. The ProjectionDeclared
        /// migration turns these arrays into counts by name.
        /// </summary>
        private static string FromParticipantTotalsSql()
        {
            int[] genders = [1, 2, 3];
            string[] outcomes = ["Employment", "SubsidisedEmployment", "SelfEmployment", "Studies", "Internship", "JobSeeking", "Other"];
            var sums = new List<string>();
            foreach (var gender in genders)
                sums.Add($"coalesce(sum(count) FILTER (WHERE dimension = 'municipality' AND gender = {gender}), 0)");
            foreach (var outcome in outcomes)
                foreach (var gender in genders)
                    sums.Add($"coalesce(sum(count) FILTER (WHERE dimension = 'exit-municipality' AND split_part(key, ':', 2) = '{outcome}' AND gender = {gender}), 0)");
            return "INSERT INTO regional_totals (scope, municipality_code, counts)\n" +
                "SELECT collaboration_id, split_part(key, ':', 1), ARRAY[\n    " + string.Join(",\n    ", sums) + "]\n" +
                "FROM participant_totals WHERE dimension IN ('municipality', 'exit-municipality')\nGROUP BY 1, 2 ORDER BY 1, 2";
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regional_totals");
        }
    }
}
