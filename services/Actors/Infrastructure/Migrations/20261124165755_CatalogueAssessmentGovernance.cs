using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Actors.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueAssessmentGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rounds", x => x.id);
                    table.UniqueConstraint("AK_assessment_rounds_collaboration_id_number", x => new { x.collaboration_id, x.number });
                    table.ForeignKey(
                        name: "FK_assessment_rounds_collaborations_collaboration_id",
                        column: x => x.collaboration_id,
                        principalTable: "collaborations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    steering_group = table.Column<string>(type: "jsonb", nullable: false),
                    process_leader = table.Column<string>(type: "jsonb", nullable: true),
                    working_groups = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance", x => x.collaboration_id);
                    table.ForeignKey(
                        name: "FK_governance_collaborations_collaboration_id",
                        column: x => x.collaboration_id,
                        principalTable: "collaborations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interventions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    eligibility = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    open_regardless_of_benefit = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions", x => x.id);
                    table.ForeignKey(
                        name: "FK_interventions_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attendees = table.Column<string>(type: "jsonb", nullable: false),
                    decisions = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.id);
                    table.ForeignKey(
                        name: "FK_meetings_collaborations_collaboration_id",
                        column: x => x.collaboration_id,
                        principalTable: "collaborations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referring_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_date = table.Column<DateOnly>(type: "date", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => new { x.participant_id, x.collaboration_id });
                });

            migrationBuilder.CreateTable(
                name: "assessment_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_submissions", x => x.id);
                    table.ForeignKey(
                        name: "FK_assessment_submissions_assessment_rounds_collaboration_id_r~",
                        columns: x => new { x.collaboration_id, x.round },
                        principalTable: "assessment_rounds",
                        principalColumns: new[] { "collaboration_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_rounds_collaboration_id_number",
                table: "assessment_rounds",
                columns: new[] { "collaboration_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_submissions_collaboration_id_round_actor_id",
                table: "assessment_submissions",
                columns: new[] { "collaboration_id", "round", "actor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interventions_actor_id",
                table: "interventions",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_collaboration_id_date",
                table: "meetings",
                columns: new[] { "collaboration_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_collaboration_id_referring_actor_id",
                table: "referrals",
                columns: new[] { "collaboration_id", "referring_actor_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_submissions");

            migrationBuilder.DropTable(
                name: "governance");

            migrationBuilder.DropTable(
                name: "interventions");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_rounds");
        }
    }
}
