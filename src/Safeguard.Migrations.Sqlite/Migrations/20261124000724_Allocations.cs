using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Allocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Allocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvolvementId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AllocatedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AllocatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocations_Involvements_InvolvementId",
                        column: x => x.InvolvementId,
                        principalTable: "Involvements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_InvolvementId_ToUtc",
                table: "Allocations",
                columns: new[] { "InvolvementId", "ToUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_PersonId",
                table: "Allocations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_WorkerId_ToUtc",
                table: "Allocations",
                columns: new[] { "WorkerId", "ToUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allocations");
        }
    }
}
