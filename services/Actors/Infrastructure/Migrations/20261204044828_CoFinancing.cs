using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Actors.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CoFinancing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "co_financing_hours",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    benefit_at_start = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hours = table.Column<decimal>(type: "numeric", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_co_financing_hours", x => new { x.participant_id, x.collaboration_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "co_financing_plans",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_co_financing_plans", x => x.collaboration_id);
                    table.ForeignKey(
                        name: "FK_co_financing_plans_collaborations_collaboration_id",
                        column: x => x.collaboration_id,
                        principalTable: "collaborations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_co_financing_hours_collaboration_id_month",
                table: "co_financing_hours",
                columns: new[] { "collaboration_id", "month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "co_financing_hours");

            migrationBuilder.DropTable(
                name: "co_financing_plans");
        }
    }
}
