using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildProtectionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyProtections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyProtections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyProtections_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConferenceDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConferenceTargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildSeenAloneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotSeenAloneReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    Section47EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InformationShared = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SafetyActions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StrategyParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StrategyDiscussionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TookPart = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyParticipants_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    InitialCategory = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    LatestCategory = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    LatestSubCategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreviousPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousPlanEnded = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Section47EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScheduledForUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChairId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ChairName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    SubCategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChildParticipation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ChildViews = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ParentsParticipation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ParentsViews = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PlanWorking = table.Column<bool>(type: "INTEGER", nullable: true),
                    PlanWorkingReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    WorkNotDone = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PlanEndReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conferences_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Conferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Conferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CoreGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroups_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtectionActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectionActions_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReportRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReportSubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReportSubmittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceMembers_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EndDate_TeamId",
                table: "ChildProtectionPlans",
                columns: new[] { "EndDate", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_InitialConferenceId",
                table: "ChildProtectionPlans",
                column: "InitialConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PersonId_StartDate",
                table: "ChildProtectionPlans",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMembers_ConferenceId",
                table: "ConferenceMembers",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMembers_UserId_ReportSubmittedAtUtc",
                table: "ConferenceMembers",
                columns: new[] { "UserId", "ReportSubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_ChairId_HeldOn",
                table: "Conferences",
                columns: new[] { "ChairId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_HeldOn_DueDate",
                table: "Conferences",
                columns: new[] { "HeldOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_PersonId_DueDate",
                table: "Conferences",
                columns: new[] { "PersonId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_PlanId",
                table: "Conferences",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_Section47EnquiryId",
                table: "Conferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroups_HeldOn_DueDate",
                table: "CoreGroups",
                columns: new[] { "HeldOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroups_PlanId_DueDate",
                table: "CoreGroups",
                columns: new[] { "PlanId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyProtections_PersonId_StartDate",
                table: "EmergencyProtections",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionActions_OwnerUserId_Status_DueDate",
                table: "ProtectionActions",
                columns: new[] { "OwnerUserId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionActions_PlanId",
                table: "ProtectionActions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_OutcomeOn_ConferenceDueDate",
                table: "Section47Enquiries",
                columns: new[] { "OutcomeOn", "ConferenceDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_PersonId_StartDate",
                table: "Section47Enquiries",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_ReferralId",
                table: "Section47Enquiries",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_PersonId_HeldAtUtc",
                table: "StrategyDiscussions",
                columns: new[] { "PersonId", "HeldAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ReferralId",
                table: "StrategyDiscussions",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_Section47EnquiryId",
                table: "StrategyDiscussions",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyParticipants_StrategyDiscussionId",
                table: "StrategyParticipants",
                column: "StrategyDiscussionId");

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionPlans_Conferences_InitialConferenceId",
                table: "ChildProtectionPlans",
                column: "InitialConferenceId",
                principalTable: "Conferences",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionPlans_Conferences_InitialConferenceId",
                table: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ConferenceMembers");

            migrationBuilder.DropTable(
                name: "CoreGroups");

            migrationBuilder.DropTable(
                name: "EmergencyProtections");

            migrationBuilder.DropTable(
                name: "ProtectionActions");

            migrationBuilder.DropTable(
                name: "StrategyParticipants");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "Conferences");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");
        }
    }
}
