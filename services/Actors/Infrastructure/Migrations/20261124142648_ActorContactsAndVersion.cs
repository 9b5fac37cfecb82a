using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Actors.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ActorContactsAndVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contacts",
                table: "actors",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]"); // existing actors have no contacts; '' is not valid jsonb

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "actors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actors",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contacts",
                table: "actors");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "actors");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actors");
        }
    }
}
