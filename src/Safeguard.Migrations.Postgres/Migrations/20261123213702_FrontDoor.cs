using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    InformationRequestId = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    ProfessionalName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProfessionalRole = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Question = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Advice = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ReferrerAgencyId = table.Column<int>(type: "integer", nullable: true),
                    ReferrerName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReferrerRole = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReferrerContactDetails = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReferrerRequest = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Consent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PoliceRag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScreeningDueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScreeningOutcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ScreeningReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ScreenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScreenedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ScreenedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ToTeamId = table.Column<int>(type: "integer", nullable: true),
                    ReferrerToldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferrerToldHow = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Agencies_ReferrerAgencyId",
                        column: x => x.ReferrerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Contacts_Teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    NoFurtherAction = table.Column<bool>(type: "boolean", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    StrategyDiscussionNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReportedName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReportedDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EarlierReferralId = table.Column<int>(type: "integer", nullable: true),
                    HadOpenCase = table.Column<bool>(type: "boolean", nullable: false),
                    NewInformationForUserId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    NewInformationForTeamId = table.Column<int>(type: "integer", nullable: true),
                    NewInformationReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReferralId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactChildren_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ContactFactors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactFactors_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MashCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkerId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    InitialRag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CurrentRag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ToTeamId = table.Column<int>(type: "integer", nullable: true),
                    CountsAsReferral = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashCases_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MashCases_Teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MashCaseId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SentByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RatingWhenSent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InformationRequests_MashCases_MashCaseId",
                        column: x => x.MashCaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RagRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MashCaseId = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsInitial = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedById = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RatedByName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RagRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RagRatings_MashCases_MashCaseId",
                        column: x => x.MashCaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ContactId",
                table: "Attachments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_InformationRequestId",
                table: "Attachments",
                column: "InformationRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_AgencyId",
                table: "Consultations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_PersonId",
                table: "Consultations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ReceivedAtUtc",
                table: "Consultations",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ContactId",
                table: "ContactChildren",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_NewInformationForTeamId_NewInformationReadA~",
                table: "ContactChildren",
                columns: new[] { "NewInformationForTeamId", "NewInformationReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_NewInformationForUserId_NewInformationReadA~",
                table: "ContactChildren",
                columns: new[] { "NewInformationForUserId", "NewInformationReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_PersonId",
                table: "ContactChildren",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactFactors_ContactId",
                table: "ContactFactors",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Number",
                table: "Contacts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReceivedAtUtc",
                table: "Contacts",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_RecordedById",
                table: "Contacts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReferrerAgencyId",
                table: "Contacts",
                column: "ReferrerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ScreenedById_ScreenedAtUtc",
                table: "Contacts",
                columns: new[] { "ScreenedById", "ScreenedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Stage_ScreeningDueAtUtc",
                table: "Contacts",
                columns: new[] { "Stage", "ScreeningDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ToTeamId",
                table: "Contacts",
                column: "ToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyId_AnsweredAtUtc_DueAtUtc",
                table: "InformationRequests",
                columns: new[] { "AgencyId", "AnsweredAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_MashCaseId",
                table: "InformationRequests",
                column: "MashCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ContactId",
                table: "MashCases",
                column: "ContactId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_DecidedAtUtc_DueAtUtc",
                table: "MashCases",
                columns: new[] { "DecidedAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_DecidedById_DecidedAtUtc",
                table: "MashCases",
                columns: new[] { "DecidedById", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ToTeamId",
                table: "MashCases",
                column: "ToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_WorkerId_DecidedAtUtc",
                table: "MashCases",
                columns: new[] { "WorkerId", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAtUtc_NextAttemptAtUtc",
                table: "Outbox",
                columns: new[] { "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RagRatings_MashCaseId",
                table: "RagRatings",
                column: "MashCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PersonId_ReferralDate",
                table: "Referrals",
                columns: new[] { "PersonId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralDate",
                table: "Referrals",
                column: "ReferralDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "ContactChildren");

            migrationBuilder.DropTable(
                name: "ContactFactors");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "RagRatings");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "MashCases");

            migrationBuilder.DropTable(
                name: "Contacts");
        }
    }
}
