using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ErasedParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "erased_participants",
                columns: table => new
                {
                    id_hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erased_participants", x => x.id_hash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erased_participants");
        }
    }
}
