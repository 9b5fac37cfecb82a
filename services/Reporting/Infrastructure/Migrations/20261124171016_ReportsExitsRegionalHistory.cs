using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReportsExitsRegionalHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "start_date",
                table: "participant_counts",
                newName: "day");

            migrationBuilder.AddColumn<int>(
                name: "education_level",
                table: "participant_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "labour_market_status",
                table: "participant_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "participant_facts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "agreement_versions",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    contributions = table.Column<string>(type: "jsonb", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_versions", x => new { x.agreement_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "assessment_scores",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_scores", x => new { x.collaboration_id, x.round, x.actor_id, x.criterion });
                });

            migrationBuilder.CreateTable(
                name: "employer_contacts",
                columns: table => new
                {
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    planned = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employer_contacts", x => x.contact_id);
                });

            migrationBuilder.CreateTable(
                name: "employer_facts",
                columns: table => new
                {
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    owner_actor_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employer_facts", x => x.employer_id);
                });

            migrationBuilder.CreateTable(
                name: "event_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "first_employer_contacts",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    presented_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_first_employer_contacts", x => x.participant_id);
                });

            migrationBuilder.CreateTable(
                name: "hours_by_month",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hours_by_month", x => new { x.collaboration_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "offer_facts",
                columns: table => new
                {
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filled = table.Column<bool>(type: "boolean", nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_facts", x => x.offer_id);
                });

            migrationBuilder.CreateTable(
                name: "participant_exits",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exit_date = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    gained_qualification = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_exits", x => new { x.participant_id, x.collaboration_id });
                });

            migrationBuilder.CreateTable(
                name: "participant_hours",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_hours", x => new { x.participant_id, x.collaboration_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "participant_totals",
                columns: table => new
                {
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_totals", x => new { x.collaboration_id, x.dimension, x.key, x.gender });
                });

            migrationBuilder.CreateTable(
                name: "placement_facts",
                columns: table => new
                {
                    pipeline_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_kind = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_placement_facts", x => x.pipeline_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_participant_counts_collaboration_id_day",
                table: "participant_counts",
                columns: new[] { "collaboration_id", "day" })
                .Annotation("Npgsql:IndexInclude", new[] { "dimension", "key", "gender", "count" });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_versions_collaboration_id",
                table: "agreement_versions",
                column: "collaboration_id");

            migrationBuilder.CreateIndex(
                name: "IX_employer_contacts_date",
                table: "employer_contacts",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "IX_event_history_type_id",
                table: "event_history",
                columns: new[] { "type", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_placement_facts_participant_id",
                table: "placement_facts",
                column: "participant_id");

            // Erasure finds a participant's events in the history by this.
            migrationBuilder.Sql("CREATE INDEX ix_event_history_participant_id ON event_history ((payload->>'participantId'))");
            // Counts kept before this migration: their totals, and the all-collaborations municipality rows.
            // (Events consumed before it are not in the history; the history starts here.)
            migrationBuilder.Sql("""
                INSERT INTO participant_totals (collaboration_id, dimension, key, gender, count)
                SELECT collaboration_id, dimension, key, gender, sum(count) FROM participant_counts GROUP BY 1, 2, 3, 4;
                INSERT INTO participant_counts (collaboration_id, dimension, key, gender, day, count)
                SELECT '00000000-0000-0000-0000-000000000000', 'municipality', municipality_code, gender, start_date, count(*) FROM participant_facts GROUP BY 3, 4, 5;
                INSERT INTO participant_totals (collaboration_id, dimension, key, gender, count)
                SELECT '00000000-0000-0000-0000-000000000000', 'municipality', municipality_code, gender, count(*) FROM participant_facts GROUP BY 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_versions");

            migrationBuilder.DropTable(
                name: "assessment_scores");

            migrationBuilder.DropTable(
                name: "employer_contacts");

            migrationBuilder.DropTable(
                name: "employer_facts");

            migrationBuilder.DropTable(
                name: "event_history");

            migrationBuilder.DropTable(
                name: "first_employer_contacts");

            migrationBuilder.DropTable(
                name: "hours_by_month");

            migrationBuilder.DropTable(
                name: "offer_facts");

            migrationBuilder.DropTable(
                name: "participant_exits");

            migrationBuilder.DropTable(
                name: "participant_hours");

            migrationBuilder.DropTable(
                name: "participant_totals");

            migrationBuilder.DropTable(
                name: "placement_facts");

            migrationBuilder.DropIndex(
                name: "IX_participant_counts_collaboration_id_day",
                table: "participant_counts");

            migrationBuilder.DropColumn(
                name: "education_level",
                table: "participant_facts");

            migrationBuilder.DropColumn(
                name: "labour_market_status",
                table: "participant_facts");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "participant_facts");

            migrationBuilder.RenameColumn(
                name: "day",
                table: "participant_counts",
                newName: "start_date");
        }
    }
}
