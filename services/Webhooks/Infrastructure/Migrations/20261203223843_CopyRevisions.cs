using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Webhooks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CopyRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "collaboration_members",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revision",
                table: "collaboration_members");
        }
    }
}
