namespace Safeguard.Core.Access;

/// <summary>
/// What a person may do, and which roles may do it. This table is the access matrix: every page and
/// endpoint names one capability as its policy, and docs/access.md is checked against it by a test.
/// </summary>
public static class Capabilities
{
    public const string FindPeople = "FindPeople";
    public const string ViewChildRecord = "ViewChildRecord";
    public const string AddPerson = "AddPerson";
    public const string EditPerson = "EditPerson";
    public const string MarkRecordedInError = "MarkRecordedInError";
    public const string ViewAccessHistory = "ViewAccessHistory";
    public const string RestrictRecord = "RestrictRecord";
    public const string BreakGlass = "BreakGlass";
    public const string ManageUsers = "ManageUsers";
    public const string ViewTeamCaseload = "ViewTeamCaseload";
    public const string SignedIn = "SignedIn";
    public const string RecordContact = "RecordContact";
    public const string ViewFrontDoor = "ViewFrontDoor";
    public const string ScreenContact = "ScreenContact";
    public const string RecordConsultation = "RecordConsultation";
    public const string WorkMashCase = "WorkMashCase";
    public const string DecideMashCase = "DecideMashCase";
    public const string AnswerInformationRequest = "AnswerInformationRequest";
    public const string ImportContacts = "ImportContacts";
    public const string AllocateCase = "AllocateCase";
    public const string AssessChild = "AssessChild";
    public const string AuthoriseWork = "AuthoriseWork";
    public const string PlanForChild = "PlanForChild";
    public const string RecordVisit = "RecordVisit";
    public const string RecordCaseNote = "RecordCaseNote";
    public const string RecordOversight = "RecordOversight";
    public const string ProposeClosure = "ProposeClosure";
    public const string StepUp = "StepUp";
    public const string OverseeTeams = "OverseeTeams";
    public const string ViewTeamOverdue = "ViewTeamOverdue";
    public const string RecordStrategyDiscussion = "RecordStrategyDiscussion";
    public const string RecordSection47 = "RecordSection47";
    public const string ChairConference = "ChairConference";
    public const string SubmitConferenceReport = "SubmitConferenceReport";
    public const string RecordProtectionPlanWork = "RecordProtectionPlanWork";

    // Roles that work with children's records day to day.
    private static readonly string[] CaseWork =
    [
        Roles.ContactServiceWorker, Roles.MashWorker, Roles.MashManager, Roles.SocialWorker, Roles.TeamManager,
        Roles.ServiceManager, Roles.EmergencyDutyWorker, Roles.EarlyHelpWorker, Roles.ConferenceChair, Roles.Lado,
    ];

    private static readonly string[] Managers = [Roles.MashManager, Roles.TeamManager, Roles.ServiceManager];

    // The front door: the contact service, the MASH, and the emergency duty team out of hours.
    private static readonly string[] FrontDoor = [Roles.ContactServiceWorker, Roles.MashWorker, Roles.MashManager, Roles.EmergencyDutyWorker];

    public static readonly IReadOnlyList<Capability> All =
    [
        new(SignedIn, "Sign in and see their own work", Roles.All.Select(r => r.Role).ToArray()),
        new(FindPeople, "Find a person (search, possible duplicates)", [.. CaseWork, Roles.QaOfficer]),
        new(ViewChildRecord, "View a person's record, family and chronology, and the contacts about them", [.. CaseWork, Roles.QaOfficer]),
        new(AddPerson, "Add a person, a relationship or an address",
            CaseWork.Where(r => r != Roles.ConferenceChair).ToArray()),
        new(EditPerson, "Change a person's details",
            CaseWork.Where(r => r != Roles.ConferenceChair).ToArray()),
        new(MarkRecordedInError, "Mark a person recorded in error (they leave search; nothing is deleted)", [Roles.TeamManager, Roles.ServiceManager]),
        new(ViewAccessHistory, "See who has viewed and changed a child's record", Managers),
        new(RestrictRecord, "Restrict a record, and lift a restriction", [Roles.TeamManager, Roles.ServiceManager]),
        new(BreakGlass, "Break the glass on a restricted record, with a reason", [Roles.ServiceManager, Roles.EmergencyDutyWorker]),
        new(ViewTeamCaseload, "See a team's caseloads (team and MASH managers: their own team only; service managers: every team)", Managers),
        new(RecordContact, "Record a contact about children (partner agency users: from their own view, for children they name)",
            [.. FrontDoor, Roles.PartnerAgencyUser]),
        new(ViewFrontDoor, "See MASH cases, the contact queue, consultations and the MASH dashboard", [.. FrontDoor, Roles.ServiceManager, Roles.QaOfficer]),
        new(ScreenContact, "Screen a contact: match its children and decide (the contact service)", [Roles.ContactServiceWorker, Roles.MashManager, Roles.EmergencyDutyWorker]),
        new(RecordConsultation, "Record a professional's consultation (named or no-name)", [Roles.ContactServiceWorker, Roles.MashWorker, Roles.MashManager]),
        new(WorkMashCase, "Work a MASH case: RAG-rate, re-rate, ask partner agencies for information", [Roles.MashWorker, Roles.MashManager]),
        new(DecideMashCase, "Decide a MASH case, with the rationale", [Roles.MashManager]),
        new(AnswerInformationRequest, "Answer the MASH's requests addressed to their own agency", [Roles.PartnerAgencyUser]),
        new(ImportContacts, "Import contacts from a CSV file", [Roles.ContactServiceWorker, Roles.MashManager]),
        new(AllocateCase, "Allocate a child's case to a worker, and reallocate it (team managers: their own team; service managers: any)",
            [Roles.TeamManager, Roles.ServiceManager]),
        new(AssessChild, "Start, write and submit a child and family assessment (for a child open to their team)", [Roles.SocialWorker, Roles.TeamManager]),
        new(AuthoriseWork, "Authorise assessments, plans, step-downs and closures, or send them back with the reason (never their own)",
            [Roles.TeamManager, Roles.ServiceManager]),
        new(PlanForChild, "Write a child in need plan and its actions, and record its meetings, reviews and progress (for a child open to their team)",
            [Roles.SocialWorker, Roles.TeamManager]),
        new(RecordVisit, "Record a visit to a child (for a child open to their team)", [Roles.SocialWorker, Roles.TeamManager, Roles.EarlyHelpWorker]),
        new(RecordCaseNote, "Write and edit case notes (for a child open to their team; edits keep the earlier version)",
            [Roles.SocialWorker, Roles.TeamManager, Roles.ServiceManager, Roles.EarlyHelpWorker]),
        new(RecordOversight, "Record management oversight and supervision, set actions with owners and dates, and follow up missed ones",
            [Roles.TeamManager, Roles.ServiceManager]),
        new(ProposeClosure, "Propose closing a child's case or stepping it down to early help, with the reasons", [Roles.SocialWorker, Roles.TeamManager]),
        new(StepUp, "Step a child up from early help to a social care assessment, with the reasons", [Roles.TeamManager, Roles.ServiceManager]),
        new(OverseeTeams, "See every team's late assessments, late visits, overdue reviews and actions, and children without recent oversight; and every team's child protection conferences, core groups and visits out of time, and the flagged and repeat plans",
            [Roles.ServiceManager, Roles.QaOfficer]),
        new(ViewTeamOverdue, "See a team's late and overdue social work and child protection work child by child (team managers: their own team; service managers and QA officers: every team)",
            [Roles.TeamManager, Roles.ServiceManager, Roles.QaOfficer]),
        new(RecordStrategyDiscussion, "Record a strategy discussion: who took part, what was shared, the safety actions and the decision (for a child open to their team)",
            [Roles.SocialWorker, Roles.TeamManager]),
        new(RecordSection47, "Record a section 47 enquiry's progress and outcome, and emergency protection (for a child open to their team)",
            [Roles.SocialWorker, Roles.TeamManager]),
        new(ChairConference, "See the conferences to arrange and hold, arrange them, invite and ask for reports, and record them as the chair (never for a child on their own caseload)",
            [Roles.ConferenceChair]),
        new(SubmitConferenceReport, "Send the report a conference chair asked of them, from their own view", [Roles.PartnerAgencyUser]),
        new(RecordProtectionPlanWork, "Add actions to a child protection plan, move their dates, record progress and core groups (for a child open to their team)",
            [Roles.SocialWorker, Roles.TeamManager]),
        new(ManageUsers, "Manage users, teams and roles", [Roles.Administrator]),
    ];

    public static Capability Get(string name) => All.Single(c => c.Name == name);

    public static bool Allows(string capability, IEnumerable<string> roles) =>
        Get(capability).Roles.Intersect(roles).Any();
}

public sealed record Capability(string Name, string Description, IReadOnlyList<string> Roles);
