using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionActionProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProtectionActionProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    CoreGroupId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionActionProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectionActionProgress_CoreGroups_CoreGroupId",
                        column: x => x.CoreGroupId,
                        principalTable: "CoreGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ProtectionActionProgress_ProtectionActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "ProtectionActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionActionProgress_ActionId",
                table: "ProtectionActionProgress",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionActionProgress_CoreGroupId",
                table: "ProtectionActionProgress",
                column: "CoreGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProtectionActionProgress");
        }
    }
}
