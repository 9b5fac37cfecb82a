using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CollaborationSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "actor_facts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "collaboration_facts",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_target = table.Column<int>(type: "integer", nullable: false),
                    exit_to_work_or_studies_target_share = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collaboration_facts", x => x.collaboration_id);
                });

            migrationBuilder.CreateTable(
                name: "collaboration_members",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collaboration_members", x => new { x.collaboration_id, x.actor_id });
                });

            migrationBuilder.CreateTable(
                name: "participant_counts",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_counts", x => new { x.collaboration_id, x.dimension, x.key, x.gender, x.start_date });
                });

            migrationBuilder.CreateTable(
                name: "participant_facts",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    age_band = table.Column<int>(type: "integer", nullable: true),
                    municipality_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    referring_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_groups = table.Column<int[]>(type: "integer[]", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_facts", x => new { x.participant_id, x.collaboration_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_participant_facts_collaboration_id_start_date",
                table: "participant_facts",
                columns: new[] { "collaboration_id", "start_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collaboration_facts");

            migrationBuilder.DropTable(
                name: "collaboration_members");

            migrationBuilder.DropTable(
                name: "participant_counts");

            migrationBuilder.DropTable(
                name: "participant_facts");

            migrationBuilder.DropColumn(
                name: "name",
                table: "actor_facts");
        }
    }
}
