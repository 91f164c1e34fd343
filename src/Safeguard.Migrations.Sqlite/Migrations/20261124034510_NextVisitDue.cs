using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NextVisitDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_TeamId",
                table: "Involvements");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastSeenOn",
                table: "Involvements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextVisitDue",
                table: "Involvements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_NextVisitDue_TeamId_PersonId",
                table: "Involvements",
                columns: new[] { "NextVisitDue", "TeamId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_TeamId_NextVisitDue",
                table: "Involvements",
                columns: new[] { "TeamId", "NextVisitDue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_NextVisitDue_TeamId_PersonId",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_TeamId_NextVisitDue",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "LastSeenOn",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "NextVisitDue",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_TeamId",
                table: "Involvements",
                column: "TeamId");
        }
    }
}
