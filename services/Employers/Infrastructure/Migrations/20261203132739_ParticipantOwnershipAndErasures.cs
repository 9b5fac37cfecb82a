using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Employers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantOwnershipAndErasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "referring_actor_id",
                table: "enrolments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "erased_participants",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erased_participants", x => x.participant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_participant_consents_recipient_actor_id",
                table: "participant_consents",
                column: "recipient_actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_referring_actor_id",
                table: "enrolments",
                column: "referring_actor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erased_participants");

            migrationBuilder.DropIndex(
                name: "ix_participant_consents_recipient_actor_id",
                table: "participant_consents");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_referring_actor_id",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "referring_actor_id",
                table: "enrolments");
        }
    }
}
