using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Actors.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Collaborations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collaborations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_groups = table.Column<string>(type: "jsonb", nullable: false),
                    municipality_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    financing = table.Column<string>(type: "jsonb", nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collaborations", x => x.id);
                    table.ForeignKey(
                        name: "FK_collaborations_actors_owner_actor_id",
                        column: x => x.owner_actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collaboration_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    goals = table.Column<List<string>>(type: "text[]", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collaboration_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_collaboration_members_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collaboration_members_collaborations_collaboration_id",
                        column: x => x.collaboration_id,
                        principalTable: "collaborations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_collaboration_members_actor_id",
                table: "collaboration_members",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ux_collaboration_members_open",
                table: "collaboration_members",
                columns: new[] { "collaboration_id", "actor_id" },
                unique: true,
                filter: "left_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_collaborations_owner_actor_id",
                table: "collaborations",
                column: "owner_actor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collaboration_members");

            migrationBuilder.DropTable(
                name: "collaborations");
        }
    }
}
