using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SocialWorkRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Chronology",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhoWasSeen = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChronologyEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildInNeedPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Aims = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuthorisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuthorisedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Closures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EarlyHelpTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Closures_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Closures_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supervisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SupervisorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SuperviseeId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SuperviseeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    VisitedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildSeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotSeenReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LocationDetail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Unannounced = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNoteVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseNoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhoWasSeen = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplacedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNoteVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNoteVersions_CaseNotes_CaseNoteId",
                        column: x => x.CaseNoteId,
                        principalTable: "CaseNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildInNeedMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedMeetings_ChildInNeedPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildInNeedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_ChildInNeedPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildInNeedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Oversights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Oversights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Oversights_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Oversights_Supervisions_SupervisionId",
                        column: x => x.SupervisionId,
                        principalTable: "Supervisions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "PlanActionProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActionProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActionProgress_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OversightActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OversightId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OriginalDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUps = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OversightActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OversightActions_Oversights_OversightId",
                        column: x => x.OversightId,
                        principalTable: "Oversights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_PersonId_OccurredAtUtc",
                table: "CaseNotes",
                columns: new[] { "PersonId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNoteVersions_CaseNoteId",
                table: "CaseNoteVersions",
                column: "CaseNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedMeetings_HeldOn_DueDate",
                table: "ChildInNeedMeetings",
                columns: new[] { "HeldOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedMeetings_PersonId",
                table: "ChildInNeedMeetings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedMeetings_PlanId",
                table: "ChildInNeedMeetings",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_PersonId_Stage",
                table: "ChildInNeedPlans",
                columns: new[] { "PersonId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_ReferralId",
                table: "ChildInNeedPlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_TeamId_Stage",
                table: "ChildInNeedPlans",
                columns: new[] { "TeamId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Closures_PersonId_Stage",
                table: "Closures",
                columns: new[] { "PersonId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Closures_ReferralId",
                table: "Closures",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Closures_Stage",
                table: "Closures",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_FormDrafts_UserId_FormKey",
                table: "FormDrafts",
                columns: new[] { "UserId", "FormKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_OversightId",
                table: "OversightActions",
                column: "OversightId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_OwnerId_CompletedOn_DueDate",
                table: "OversightActions",
                columns: new[] { "OwnerId", "CompletedOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_PersonId",
                table: "OversightActions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_SetById_CompletedOn_DueDate",
                table: "OversightActions",
                columns: new[] { "SetById", "CompletedOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Oversights_PersonId_RecordedOn",
                table: "Oversights",
                columns: new[] { "PersonId", "RecordedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Oversights_SupervisionId",
                table: "Oversights",
                column: "SupervisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActionProgress_ActionId",
                table: "PlanActionProgress",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerUserId_Status_DueDate",
                table: "PlanActions",
                columns: new[] { "OwnerUserId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PlanId",
                table: "PlanActions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_TeamId_HeldOn",
                table: "Supervisions",
                columns: new[] { "TeamId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_PersonId_VisitedOn",
                table: "Visits",
                columns: new[] { "PersonId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseNoteVersions");

            migrationBuilder.DropTable(
                name: "ChildInNeedMeetings");

            migrationBuilder.DropTable(
                name: "Closures");

            migrationBuilder.DropTable(
                name: "FormDrafts");

            migrationBuilder.DropTable(
                name: "OversightActions");

            migrationBuilder.DropTable(
                name: "PlanActionProgress");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "Oversights");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "Supervisions");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlans");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Chronology");
        }
    }
}
