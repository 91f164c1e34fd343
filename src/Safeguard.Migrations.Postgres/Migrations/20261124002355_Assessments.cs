using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeenDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildSeenAloneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotSeenAloneReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Analysis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ChildViews = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    FamilyViews = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    LateReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorisedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AuthorisedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Authorisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFactor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFactor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentFactor_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFactor_AssessmentId",
                table: "AssessmentFactor",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PersonId_Stage",
                table: "Assessments",
                columns: new[] { "PersonId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_TeamId_Stage_DueDate",
                table: "Assessments",
                columns: new[] { "TeamId", "Stage", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_WorkerId_Stage_DueDate",
                table: "Assessments",
                columns: new[] { "WorkerId", "Stage", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Authorisations_PersonId",
                table: "Authorisations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Authorisations_Subject_SubjectId",
                table: "Authorisations",
                columns: new[] { "Subject", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFactor");

            migrationBuilder.DropTable(
                name: "Authorisations");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
