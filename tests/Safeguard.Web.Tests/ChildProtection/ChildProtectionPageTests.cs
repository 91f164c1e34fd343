using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.People;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// The child protection pages in-process: a worker records a strategy discussion (refused without police, nothing
/// lost), sees and concludes the enquiry; a chair arranges, invites and holds the conference; a partner sends the
/// report asked of them; the case page shows it all. The wrong person is refused at each step.
/// </summary>
public class ChildProtectionPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    private static Dictionary<string, string> Date(string prefix, DateOnly d) => new()
    {
        [prefix + ".Day"] = d.Day.ToString(), [prefix + ".Month"] = d.Month.ToString(), [prefix + ".Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> Discussion(DateOnly on, string police) => new(Date("Input.Held.Date", on))
    {
        ["Input.Held.Time"] = "10:30", ["Input.Form"] = "Call",
        ["Input.Participants[0].Role"] = "Police", ["Input.Participants[0].Name"] = police, ["Input.Participants[0].Flag"] = "yes",
        ["Input.Participants[1].Role"] = "Gp", ["Input.Participants[1].Name"] = "Dr Obi, Moorside Surgery", ["Input.Participants[1].Flag"] = "no",
        ["Input.InformationShared"] = "School saw bruising to the left arm; police attended a domestic incident last week.",
        ["Input.SafetyActions"] = "Mother agrees the father will not stay at the house.",
        ["Input.Decision"] = "StartSection47", ["Input.DecisionReason"] = "Reasonable cause to suspect significant harm.",
    };

    /// <summary>A child referred 20 days ago, with a strategy discussion recorded through the page 10 days ago; returns the child and the enquiry.</summary>
    private async Task<(Guid Child, int Enquiry)> EnquiryAsync(string name)
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, name, daysAgo: 20);
        var worker = await app.As(Roles.SocialWorker);
        var saved = await Forms.PostAsync(worker, $"/people/{child}/strategy-discussions/new", Discussion(Today.AddDays(-10), "DC Hughes, Northmoor Police"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.ToString();
        Assert.StartsWith($"/people/{child}/section-47/", location, StringComparison.Ordinal);
        return (child, int.Parse(location.Split('/').Last()));
    }

    [Fact]
    public async Task AStrategyDiscussionWithoutThePolice_IsRefusedBesideTheList_AndKeepsWhatWasTyped()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Nia", daysAgo: 20);
        var worker = await app.As(Roles.SocialWorker);
        var form = await Forms.GetDocumentAsync(worker, $"/people/{child}/strategy-discussions/new");
        // Police and health come first, already chosen.
        Assert.Equal("Police", form.QuerySelector("select[name='Input.Participants[0].Role'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("Gp", form.QuerySelector("select[name='Input.Participants[1].Role'] option[selected]")?.GetAttribute("value"));

        var fields = Discussion(Today.AddDays(2), "");
        var refused = await Forms.PostAsync(worker, $"/people/{child}/strategy-discussions/new", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        var errors = Forms.Errors(page);
        Assert.Contains(errors, e => e.Contains("police are part of every strategy discussion", StringComparison.Ordinal));
        Assert.Contains("The strategy discussion cannot be in the future", errors);
        Assert.NotNull(page.QuerySelector("#Input_Participants"));
        Assert.Contains("bruising to the left arm", page.QuerySelector("textarea[name='Input.InformationShared']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dr Obi, Moorside Surgery", page.QuerySelector("input[name='Input.Participants[1].Name']")?.GetAttribute("value"));
        await using var db = app.OpenDb();
        Assert.False(await db.StrategyDiscussions.AnyAsync(s => s.PersonId == child));
    }

    [Fact]
    public async Task TheEnquiry_RecordsTheChildSeen_ThenConcludes_AndTheCasePageShowsIt()
    {
        var (child, enquiry) = await EnquiryAsync("Ola");
        var worker = await app.As(Roles.SocialWorker);
        var url = $"/people/{child}/section-47/{enquiry}";
        var page = await Forms.GetDocumentAsync(worker, url);
        Assert.Contains("Not yet", page.QuerySelector("#child-seen")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='handler=Outcome']"));

        // Seen alone needs its date; a date before the enquiry is refused by name.
        var early = await Forms.PostAsync(worker, url, new(Date("Seen.SeenOn", Today.AddDays(-30))) { ["Seen.SeenAlone"] = "no", ["Seen.NotSeenAloneReason"] = "Asleep" }, handler: "Seen");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(early)), e => e.StartsWith("The child cannot have been seen for the enquiry before it started", StringComparison.Ordinal));
        var seenFields = new Dictionary<string, string>(Date("Seen.SeenOn", Today.AddDays(-9))) { ["Seen.SeenAlone"] = "yes" };
        foreach (var (k, v) in Date("Seen.SeenAloneOn", Today.AddDays(-8))) seenFields[k] = v;
        var seen = await Forms.PostAsync(worker, url, seenFields, handler: "Seen");
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        // Opened again, the form to change it holds what was recorded.
        var again = await Forms.GetDocumentAsync(worker, url);
        Assert.NotNull(again.QuerySelector("input[name='Seen.SeenAlone'][value='yes'][checked]"));
        Assert.Equal(Today.AddDays(-8).Day.ToString(), again.QuerySelector("input[name='Seen.SeenAloneOn.Day']")?.GetAttribute("value"));

        var concluded = await Forms.PostAsync(worker, url, new(Date("Conclude.OutcomeOn", Today.AddDays(-5)))
            { ["Conclude.Outcome"] = "InitialConference", ["Conclude.OutcomeReason"] = "Continuing risk from the father's violence." }, handler: "Outcome");
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);
        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Contains("Initial child protection conference", page.QuerySelector("#outcome")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#outcome a[href^='/conferences/']"));

        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        var panel = casePage.QuerySelector("#child-protection")!.ParentElement!;
        Assert.Contains("Initial child protection conference", panel.TextContent, StringComparison.Ordinal);
        Assert.NotNull(casePage.QuerySelector($"#child-protection-history a[href='/people/{child}/section-47/{enquiry}']"));
    }

    [Fact]
    public async Task AStaleEnquiry_IsNotOverwritten_AndSaysSomeoneElseChangedIt()
    {
        var (child, enquiry) = await EnquiryAsync("Tomi");
        var worker = await app.As(Roles.SocialWorker);
        var url = $"/people/{child}/section-47/{enquiry}";
        var fields = new Dictionary<string, string>(Date("Seen.SeenOn", Today.AddDays(-9))) { ["Seen.SeenAlone"] = "no", ["Seen.NotSeenAloneReason"] = "A baby", ["Version"] = Guid.NewGuid().ToString() };
        var stale = await Forms.PostAsync(worker, url, fields, handler: "Seen");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(stale)), e => e.StartsWith("Someone else changed", StringComparison.Ordinal));
        await using var db = app.OpenDb();
        Assert.Null((await db.Section47Enquiries.SingleAsync(e => e.Id == enquiry)).ChildSeenOn);
    }

    [Fact]
    public async Task AChairArrangesInvitesAndHolds_APartnerSendsTheirReport_AndThePlanStarts()
    {
        var (child, enquiry) = await EnquiryAsync("Kofi");
        var worker = await app.As(Roles.SocialWorker);
        var url = $"/people/{child}/section-47/{enquiry}";
        await Forms.PostAsync(worker, url, new(Date("Seen.SeenOn", Today.AddDays(-9))) { ["Seen.SeenAlone"] = "no", ["Seen.NotSeenAloneReason"] = "Too young" }, handler: "Seen");
        await Forms.PostAsync(worker, url, new(Date("Conclude.OutcomeOn", Today.AddDays(-5))) { ["Conclude.Outcome"] = "InitialConference", ["Conclude.OutcomeReason"] = "Risk." }, handler: "Outcome");
        int conference;
        await using (var db = app.OpenDb())
            conference = await db.Conferences.Where(c => c.PersonId == child).Select(c => c.Id).SingleAsync();
        var chairUrl = $"/conferences/{conference}";
        var chair = await app.As(Roles.ConferenceChair);

        // A time that is not one is refused beside it; then the conference is arranged.
        var badTime = await Forms.PostAsync(chair, chairUrl, new(Date("Arrange.When.Date", Today.AddDays(-1))) { ["Arrange.When.Time"] = "25:00", ["Arrange.ChairId"] = app.Borough.Users[Roles.ConferenceChair].Id }, handler: "Arrange");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(badTime)), e => e.Contains("real time", StringComparison.Ordinal));
        var arranged = await Forms.PostAsync(chair, chairUrl, new(Date("Arrange.When.Date", Today.AddDays(-1))) { ["Arrange.When.Time"] = "10:00", ["Arrange.ChairId"] = app.Borough.Users[Roles.ConferenceChair].Id }, handler: "Arrange");
        Assert.Equal(HttpStatusCode.Redirect, arranged.StatusCode);

        // The police partner is asked for a report through Safeguard; the GP is invited without one.
        var partnerUser = app.Borough.Users[Roles.PartnerAgencyUser].Id;
        var invited = await Forms.PostAsync(chair, chairUrl, new()
        {
            ["Invite[0].Role"] = "Police", ["Invite[0].Name"] = "DC Hughes", ["Invite[0].UserId"] = partnerUser, ["Invite[0].Report"] = "yes",
            ["Invite[1].Role"] = "Gp", ["Invite[1].Name"] = "Dr Obi", ["Invite[1].UserId"] = "", ["Invite[1].Report"] = "no",
            ["Invite[2].Role"] = "", ["Invite[2].Name"] = "", ["Invite[2].UserId"] = "", ["Invite[2].Report"] = "yes",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var partner = await app.As(Roles.PartnerAgencyUser);
        var reports = await Forms.GetDocumentAsync(partner, "/partner/conference-reports");
        var link = reports.QuerySelectorAll("#reports a").Single(a => a.TextContent.Contains("Kofi", StringComparison.Ordinal)).GetAttribute("href")!;
        var empty = await Forms.PostAsync(partner, link, new() { ["Report"] = "  " });
        Assert.Contains("Enter your report", Forms.Errors(await Forms.ParseAsync(empty)));
        var sent = await Forms.PostAsync(partner, link, new() { ["Report"] = "Two call-outs to the address this year." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(link)).StatusCode);   // sent: no longer open
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(chairUrl)).StatusCode);   // the conference itself is not theirs

        var page = await Forms.GetDocumentAsync(chair, chairUrl);
        Assert.Contains("1 of 1 asked for are in", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two call-outs", page.QuerySelector("#invited")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Holding it: the decision and reasons are required; a plan needs a category.
        var hold = await Forms.GetDocumentAsync(chair, chairUrl + "/hold");
        var members = hold.QuerySelectorAll("input[name='Input.Attended']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, members.Count);
        var missing = await Forms.PostAsync(chair, chairUrl + "/hold", new(Date("Input.HeldOn", Today)) { ["Input.Decision"] = "Plan" });
        var errors = Forms.Errors(await Forms.ParseAsync(missing));
        Assert.Contains("Choose the category of abuse", errors);
        Assert.Contains("Enter the reasons for the decision", errors);
        var held = await Forms.PostAsync(chair, chairUrl + "/hold", new(Date("Input.HeldOn", Today))
        {
            ["Input.Attended"] = members[0], ["Input.ChildParticipation"] = "NotAppropriate", ["Input.ParentsParticipation"] = "Attended",
            ["Input.ParentsViews"] = "Mother accepts the plan.", ["Input.Decision"] = "Plan", ["Input.Category"] = "PHY", ["Input.SubCategory"] = "Non-accidental injury",
            ["Input.DecisionReason"] = "Injuries and domestic abuse: continuing risk.",
        });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        page = await Forms.GetDocumentAsync(chair, chairUrl);
        Assert.Contains("Physical abuse: Non-accidental injury", page.QuerySelector("#decision")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#record-held"));

        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        var plan = casePage.QuerySelector("#protection-plan")!.TextContent;
        Assert.Contains("Physical abuse", plan, StringComparison.Ordinal);
        Assert.Contains("Next core group", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePlanPage_RefusesAnOngoingAction_ThenAddsIt_AndACoreGroupRecordsProgressAndSchedulesTheNext()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(app, "Ife");
        var worker = await app.As(Roles.SocialWorker);
        var url = $"/people/{child}/protection-plans/{plan.Id}";
        var page = await Forms.GetDocumentAsync(worker, url);
        Assert.Contains("Neglect", page.Body!.TextContent, StringComparison.Ordinal);

        var ongoing = await Forms.PostAsync(worker, url, new()
        {
            ["Actions[0].Text"] = "Mother to attend the parenting course", ["Actions[0].OwnerName"] = "Mother", ["Actions[0].OwnerUserId"] = "",
            ["Actions[0].Due.Day"] = "ongoing", ["Actions[0].Due.Month"] = "", ["Actions[0].Due.Year"] = "",
        });
        var refused = await Forms.ParseAsync(ongoing);
        Assert.Contains(Forms.Errors(refused), e => e.Contains("ongoing", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Mother to attend the parenting course", refused.QuerySelector("textarea[name='Actions[0].Text']")!.TextContent.Trim());

        var due = Today.AddDays(20);
        var added = await Forms.PostAsync(worker, url, new()
        {
            ["Actions[0].Text"] = "Mother to attend the parenting course", ["Actions[0].OwnerName"] = "Mother", ["Actions[0].OwnerUserId"] = "",
            ["Actions[0].Due.Day"] = due.Day.ToString(), ["Actions[0].Due.Month"] = due.Month.ToString(), ["Actions[0].Due.Year"] = due.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await Forms.GetDocumentAsync(worker, url);
        var coreGroupLink = page.QuerySelector("#core-groups ~ ul a")!.GetAttribute("href")!;

        // The core group looks at every open action; recording it schedules the next.
        var version = (await Forms.GetDocumentAsync(worker, coreGroupLink)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var missing = await Forms.PostAsync(worker, coreGroupLink, new(Date("HeldOn", Today.AddDays(-3))) { ["Attendees"] = "Mother, health visitor, school", ["Notes"] = "Home tidier.", ["Version"] = version });
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(missing)), e => e.StartsWith("Enter the progress on", StringComparison.Ordinal));
        int actionId;
        await using (var db = app.OpenDb())
            actionId = await db.ProtectionActions.Where(a => a.PlanId == plan.Id).Select(a => a.Id).SingleAsync();
        var held = await Forms.PostAsync(worker, coreGroupLink, new(Date("HeldOn", Today.AddDays(-3)))
        {
            ["Attendees"] = "Mother, health visitor, school", ["Notes"] = "Home tidier.", ["Version"] = version,
            ["Progress[0].ActionId"] = actionId.ToString(), ["Progress[0].Status"] = "InProgress", ["Progress[0].Text"] = "Booked onto the March course.",
        });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await using var check = app.OpenDb();
        var meetings = await check.CoreGroups.AsNoTracking().Where(m => m.PlanId == plan.Id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, meetings.Count);
        Assert.Equal(Today.AddDays(-3), meetings[0].HeldOn);
        Assert.Null(meetings[1].HeldOn);

        // A chair reads the plan but does not add to it.
        var chair = await app.As(Roles.ConferenceChair);
        var chairView = await Forms.GetDocumentAsync(chair, url);
        Assert.Null(chairView.QuerySelector("textarea[name='Actions[0].Text']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"{url}/actions/{actionId}")).StatusCode);
    }

    [Fact]
    public async Task AChildMovingHereOnAnotherCouncilsPlan_GetsATransferInConference_MarkedOnTheChairsList()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Dede", daysAgo: 3);
        var worker = await app.As(Roles.SocialWorker);
        var url = $"/people/{child}/transfer-in";
        var missing = await Forms.PostAsync(worker, url, new(Date("NotifiedOn", Today.AddDays(-1))) { ["FromCouncil"] = " " });
        Assert.Contains("Enter the council whose plan the child is on", Forms.Errors(await Forms.ParseAsync(missing)));
        var asked = await Forms.PostAsync(worker, url, new(Date("NotifiedOn", Today.AddDays(-1))) { ["FromCouncil"] = "Eastshire County Council" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var due = app.Factory.Services.GetRequiredService<Core.Calendar.WorkingDayCalendar>().AddWorkingDays(Today.AddDays(-1), 15);
        await using (var db = app.OpenDb())
        {
            var conference = await db.Conferences.AsNoTracking().SingleAsync(c => c.PersonId == child);
            Assert.Equal((ConferenceKind.TransferIn, due), (conference.Kind, conference.DueDate));
        }
        // Asked twice, the second is refused: one conference waits at a time.
        var twice = await Forms.PostAsync(worker, url, new(Date("NotifiedOn", Today)) { ["FromCouncil"] = "Eastshire County Council" });
        Assert.Contains("A conference is already waiting to be held for the child: hold that one", Forms.Errors(await Forms.ParseAsync(twice)));

        var chair = await app.As(Roles.ConferenceChair);
        var list = await Forms.GetDocumentAsync(chair, "/conferences");
        var row = list.QuerySelectorAll("[data-testid=conferences] tbody tr").Single(r => r.QuerySelector($"a[href='/people/{child}']") is not null);
        Assert.Contains("Transfer-in conference", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWrongPeople_AreRefused()
    {
        var (child, enquiry) = await EnquiryAsync("Abi");
        // A chair does not record strategy discussions or enquiries; a worker does not chair.
        var chair = await app.As(Roles.ConferenceChair);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"/people/{child}/strategy-discussions/new")).StatusCode);
        var chairView = await Forms.GetDocumentAsync(chair, $"/people/{child}/section-47/{enquiry}");
        Assert.Null(chairView.QuerySelector("form[action$='handler=Seen']"));
        var refused = await Forms.PostNotOfferedAsync(chair, $"/people/{child}/section-47/{enquiry}?handler=Seen",
            new(Date("Seen.SeenOn", Today.AddDays(-9))) { ["Seen.SeenAlone"] = "no", ["Seen.NotSeenAloneReason"] = "x" }, tokenFrom: "/conferences");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var worker = await app.As(Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/conferences/1/hold")).StatusCode);
        // Another team's worker cannot open the enquiry; a partner never learns it exists.
        var (otherChild, _) = await SocialWorkData.ReferredAsync(app, "Ebo", teamId: app.Borough.AssessmentTeamId, workerId: app.Borough.Users[Roles.TeamManager].Id);
        var partner = await app.As(Roles.PartnerAgencyUser);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/people/{child}/section-47/{enquiry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/partner/conference-reports/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/people/{otherChild}/strategy-discussions/new")).StatusCode);
    }
}
