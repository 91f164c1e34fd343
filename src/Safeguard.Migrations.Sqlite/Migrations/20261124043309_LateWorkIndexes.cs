using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LateWorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_IsRestricted",
                table: "People",
                column: "IsRestricted",
                filter: "\"IsRestricted\"");

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_CompletedOn_DueDate_PersonId",
                table: "OversightActions",
                columns: new[] { "CompletedOn", "DueDate", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_IsRestricted",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_OversightActions_CompletedOn_DueDate_PersonId",
                table: "OversightActions");
        }
    }
}
