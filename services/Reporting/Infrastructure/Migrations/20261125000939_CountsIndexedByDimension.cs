using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CountsIndexedByDimension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_participant_period_counts_collaboration_id_months_start",
                table: "participant_period_counts");

            migrationBuilder.DropIndex(
                name: "IX_participant_counts_collaboration_id_day",
                table: "participant_counts");

            migrationBuilder.CreateIndex(
                name: "IX_participant_period_counts_scope_dimension_months_start",
                table: "participant_period_counts",
                columns: new[] { "collaboration_id", "dimension", "months", "start" })
                .Annotation("Npgsql:IndexInclude", new[] { "key", "gender", "count" });

            migrationBuilder.CreateIndex(
                name: "IX_participant_counts_collaboration_id_dimension_day",
                table: "participant_counts",
                columns: new[] { "collaboration_id", "dimension", "day" })
                .Annotation("Npgsql:IndexInclude", new[] { "key", "gender", "count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_participant_period_counts_scope_dimension_months_start",
                table: "participant_period_counts");

            migrationBuilder.DropIndex(
                name: "IX_participant_counts_collaboration_id_dimension_day",
                table: "participant_counts");

            migrationBuilder.CreateIndex(
                name: "IX_participant_period_counts_collaboration_id_months_start",
                table: "participant_period_counts",
                columns: new[] { "collaboration_id", "months", "start" })
                .Annotation("Npgsql:IndexInclude", new[] { "dimension", "key", "gender", "count" });

            migrationBuilder.CreateIndex(
                name: "IX_participant_counts_collaboration_id_day",
                table: "participant_counts",
                columns: new[] { "collaboration_id", "day" })
                .Annotation("Npgsql:IndexInclude", new[] { "dimension", "key", "gender", "count" });
        }
    }
}
