using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Employers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MatchingAndPipelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolments", x => new { x.participant_id, x.collaboration_id });
                });

            migrationBuilder.CreateTable(
                name: "matching_profiles",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occupation_codes = table.Column<string>(type: "jsonb", nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    swedish_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    languages = table.Column<string>(type: "jsonb", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    max_commute_km = table.Column<int>(type: "integer", nullable: false),
                    available_from = table.Column<DateOnly>(type: "date", nullable: false),
                    hours_per_week = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    adaptations_needed = table.Column<string>(type: "jsonb", nullable: false),
                    readiness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    driving_licence = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matching_profiles", x => x.participant_id);
                });

            migrationBuilder.CreateTable(
                name: "participant_consents",
                columns: table => new
                {
                    consent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_consents", x => x.consent_id);
                });

            migrationBuilder.CreateTable(
                name: "pipelines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    presented_on = table.Column<DateOnly>(type: "date", nullable: true),
                    interview_on = table.Column<DateOnly>(type: "date", nullable: true),
                    placed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    employed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines", x => x.id);
                    table.ForeignKey(
                        name: "FK_pipelines_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pipeline_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    with = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    logged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_support_contacts_pipelines_pipeline_id",
                        column: x => x.pipeline_id,
                        principalTable: "pipelines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_participant_consents_participant_id_purpose",
                table: "participant_consents",
                columns: new[] { "participant_id", "purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_offer_id",
                table: "pipelines",
                column: "offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_pipelines_employer_id",
                table: "pipelines",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_pipelines_open_pair",
                table: "pipelines",
                columns: new[] { "participant_id", "offer_id" },
                unique: true,
                filter: "stage <> 'Ended'");

            migrationBuilder.CreateIndex(
                name: "ix_pipelines_pilot_actor_id_stage",
                table: "pipelines",
                columns: new[] { "pilot_actor_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_support_contacts_pipeline_id_date",
                table: "support_contacts",
                columns: new[] { "pipeline_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "matching_profiles");

            migrationBuilder.DropTable(
                name: "participant_consents");

            migrationBuilder.DropTable(
                name: "support_contacts");

            migrationBuilder.DropTable(
                name: "pipelines");
        }
    }
}
