using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TotalsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "participant_totals")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "participant_totals")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
