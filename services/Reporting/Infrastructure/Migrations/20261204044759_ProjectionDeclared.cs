using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    /// <remarks>
    /// The counters this projection adds (benefit at start, exits by referring actor) exist for events counted from now on;
    /// for those counted before, run a rebuild (POST /api/reports/admin/rebuilds) after deploying.
    /// </remarks>
    public partial class ProjectionDeclared : Migration
    {
        /// <summary>The array layout of the RegionalTotals migration, frozen: started by gender, then each outcome's exits by gender.</summary>
        private static readonly string Layout = "ARRAY[" + string.Join(", ",
            new[] { "Employment", "SubsidisedEmployment", "SelfEmployment", "Studies", "Internship", "JobSeeking", "Other" }
                .Select(o => "exit:" + o).Prepend("started")
                .SelectMany(m => new[] { "Woman", "Man", "NonBinary" }.Select(g => $"'{m}:{g}'"))) + "]::text[]";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // regional_totals.counts held an array laid out by the enums' order at the time (RegionalTotals migration):
            // turned into counts by name, so that a new outcome or gender cannot misalign them.
            migrationBuilder.Sql($"""
                ALTER TABLE regional_totals ADD COLUMN counts_by_name jsonb NOT NULL DEFAULT jsonb_build_object();
                UPDATE regional_totals r SET counts_by_name = coalesce((
                    SELECT jsonb_object_agg(n.name, r.counts[n.i]) FROM unnest({Layout}) WITH ORDINALITY AS n(name, i) WHERE r.counts[n.i] <> 0),
                    jsonb_build_object());
                ALTER TABLE regional_totals DROP COLUMN counts;
                ALTER TABLE regional_totals RENAME COLUMN counts_by_name TO counts;
                ALTER TABLE regional_totals ALTER COLUMN counts DROP DEFAULT;
                """);

            migrationBuilder.AddColumn<int>(
                name: "benefit_at_start",
                table: "participant_facts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "benefit_at_start",
                table: "participant_facts");

            migrationBuilder.Sql($"""
                ALTER TABLE regional_totals ADD COLUMN counts_array integer[];
                UPDATE regional_totals r SET counts_array = ARRAY(
                    SELECT coalesce((r.counts->>n.name)::int, 0) FROM unnest({Layout}) WITH ORDINALITY AS n(name, i) ORDER BY n.i);
                ALTER TABLE regional_totals DROP COLUMN counts;
                ALTER TABLE regional_totals RENAME COLUMN counts_array TO counts;
                ALTER TABLE regional_totals ALTER COLUMN counts SET NOT NULL;
                """);
        }
    }
}
