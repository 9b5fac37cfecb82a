using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverkan.Participants.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Enrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    accessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collaboration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    protected_number = table.Column<string>(type: "text", nullable: true),
                    number_lookup_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    protected_name = table.Column<string>(type: "text", nullable: true),
                    gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    age_at_start = table.Column<int>(type: "integer", nullable: true),
                    municipality_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    referring_actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_date = table.Column<DateOnly>(type: "date", nullable: false),
                    target_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    benefit_at_start = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    labour_market_status_at_entry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    education_level_at_entry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enrolled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participants", x => x.id);
                    table.ForeignKey(
                        name: "FK_participants_known_actors_referring_actor_id",
                        column: x => x.referring_actor_id,
                        principalTable: "known_actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_access_participant",
                table: "identity_access_log",
                columns: new[] { "participant_id", "accessed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_referring_actor",
                table: "participants",
                column: "referring_actor_id");

            migrationBuilder.CreateIndex(
                name: "ux_participants_collaboration_person",
                table: "participants",
                columns: new[] { "collaboration_id", "number_lookup_hash" },
                unique: true,
                filter: "number_lookup_hash IS NOT NULL");

            // The audit log is append-only in the database itself, not only by convention in the code.
            migrationBuilder.Sql("""
                CREATE FUNCTION identity_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'identity_access_log is append-only: % is not allowed', TG_OP;
                END
                $$;
                CREATE TRIGGER identity_access_log_append_only
                    BEFORE UPDATE OR DELETE OR TRUNCATE ON identity_access_log
                    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER identity_access_log_append_only ON identity_access_log; DROP FUNCTION identity_access_log_append_only();");

            migrationBuilder.DropTable(
                name: "identity_access_log");

            migrationBuilder.DropTable(
                name: "participants");
        }
    }
}
