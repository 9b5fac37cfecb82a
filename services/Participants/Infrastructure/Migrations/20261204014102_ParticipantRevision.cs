using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Participants.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "participants",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revision",
                table: "participants");
        }
    }
}
