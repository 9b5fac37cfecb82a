using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_model_versions",
                columns: table => new
                {
                    shard = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_read_model_versions", x => x.shard);
                });

            migrationBuilder.InsertData(
                table: "read_model_versions",
                columns: new[] { "shard", "version" },
                values: new object[,]
                {
                    { 0, 0L },
                    { 1, 0L },
                    { 2, 0L },
                    { 3, 0L },
                    { 4, 0L },
                    { 5, 0L },
                    { 6, 0L },
                    { 7, 0L },
                    { 8, 0L },
                    { 9, 0L },
                    { 10, 0L },
                    { 11, 0L },
                    { 12, 0L },
                    { 13, 0L },
                    { 14, 0L },
                    { 15, 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "read_model_versions");
        }
    }
}
