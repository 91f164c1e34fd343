using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>The visit and case note pages, the case page's panels, My work, and the API, with their refusals.</summary>
public class VisitAndNotePageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    // Both reasons are always posted, as a browser posts a hidden box too.
    private static Dictionary<string, string> VisitFields(DateOnly on, string seen, string alone, string notSeen = "", string notAlone = "",
        string observations = "Calm and chatty.") => new()
    {
        ["Input.VisitedOn.Day"] = on.Day.ToString(), ["Input.VisitedOn.Month"] = on.Month.ToString(), ["Input.VisitedOn.Year"] = on.Year.ToString(),
        ["Input.ChildSeen"] = seen, ["Input.ChildSeenAlone"] = alone, ["Input.NotSeenReason"] = notSeen, ["Input.NotSeenAloneReason"] = notAlone,
        ["Input.Location"] = "Home", ["Input.LocationDetail"] = "", ["Input.Observations"] = observations, ["Input.Announced"] = "unannounced",
    };

    [Fact]
    public async Task TheWorker_RecordsAVisit_AndTheCasePageShowsWhenTheNextIsDue()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Nia", daysAgo: 30);

        var before = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.Contains("Late", before.QuerySelector("#visits + dl")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(before.QuerySelector($"a[href='/people/{child}/visits/new']"));
        var myWork = await Forms.GetDocumentAsync(worker, "/");
        Assert.NotNull(myWork.QuerySelector($"a[href='/people/{child}/visits/new']"));

        // "Seen alone: yes" was answered and then hidden by choosing "not seen": only what the worker could see counts.
        var wrong = await Forms.PostAsync(worker, $"/people/{child}/visits/new", VisitFields(Today.AddDays(-31), "no", "yes", notAlone: "Hidden box", observations: "Kept as typed"));
        var page = await Forms.ParseAsync(wrong);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal([$"The visit cannot be before the referral: the date of the visit must be on or after {Today.AddDays(-30):d MMMM yyyy}",
            "Enter why the child was not seen"], Forms.Errors(page));
        Assert.Equal("Enter why the child was not seen", page.QuerySelector("#Input_NotSeenReason-error")!.TextContent.Replace("Error:", "").Trim());
        Assert.Equal("Kept as typed", page.QuerySelector("textarea[name='Input.Observations']")!.TextContent.Trim());

        var done = await Forms.PostAsync(worker, $"/people/{child}/visits/new", VisitFields(Today, "yes", "no", notSeen: "Typed, then hidden", notAlone: "Too young to be seen apart from mother"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        var panel = after.QuerySelector("#visits + dl")!.TextContent;
        Assert.Contains(Display.Date(Today.AddDays(28)), panel, StringComparison.Ordinal);
        Assert.DoesNotContain("Late", panel, StringComparison.Ordinal);
        Assert.Contains("Not seen alone on a visit", panel, StringComparison.Ordinal);
        var link = after.QuerySelector($"a[href^='/people/{child}/visits/']:not([href$='/new'])")!.GetAttribute("href")!;
        var visit = await Forms.GetDocumentAsync(worker, link);
        Assert.Contains("Too young to be seen apart from mother", visit.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed, then hidden", visit.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitForm_RevealsEachReasonUnderItsNo_AndShowsTheOneInError()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kofi", daysAgo: 5);
        static AngleSharp.Dom.IElement Revealed(AngleSharp.Html.Dom.IHtmlDocument page, string radio, string value) =>
            page.GetElementById(page.QuerySelector($"input[name='{radio}'][value='{value}']")!.GetAttribute("data-aria-controls")!)!;
        static bool Hidden(AngleSharp.Dom.IElement conditional) => conditional.ClassList.Contains("govuk-radios__conditional--hidden");

        var form = await Forms.GetDocumentAsync(worker, $"/people/{child}/visits/new");
        var notSeen = Revealed(form, "Input.ChildSeen", "no");
        var seen = Revealed(form, "Input.ChildSeen", "yes");
        var notAlone = Revealed(form, "Input.ChildSeenAlone", "no");
        Assert.NotNull(notSeen.QuerySelector("textarea[name='Input.NotSeenReason']"));
        Assert.NotNull(notAlone.QuerySelector("textarea[name='Input.NotSeenAloneReason']"));
        Assert.Same(seen, notAlone.ParentElement!.Closest(".govuk-radios__conditional"));   // asked only when the child was seen
        Assert.All([notSeen, seen, notAlone], c => Assert.True(c.ClassList.Contains("govuk-radios__conditional") && Hidden(c)));
        Assert.Equal(2, form.QuerySelectorAll("textarea[name^='Input.NotSeen']").Length);
        Assert.DoesNotContain(form.QuerySelectorAll("input[name='Input.ChildSeenAlone']"), i => i.Closest(".govuk-radios--inline") is not null);   // GOV.UK: no reveal in inline radios

        var missing = await Forms.ParseAsync(await Forms.PostAsync(worker, $"/people/{child}/visits/new", VisitFields(Today, "yes", "no", notSeen: "Not this one")));
        Assert.Equal(["Enter why the child was not seen alone"], Forms.Errors(missing));
        Assert.NotNull(missing.QuerySelector("#Input_NotSeenAloneReason-error"));
        Assert.Equal((false, false, true), (Hidden(Revealed(missing, "Input.ChildSeen", "yes")), Hidden(Revealed(missing, "Input.ChildSeenAlone", "no")),
            Hidden(Revealed(missing, "Input.ChildSeen", "no"))));
    }

    [Fact]
    public async Task OpeningAVisitANoteAPlanOrOversight_LogsOneViewOfTheChild()
    {
        var worker = await app.As(Roles.SocialWorker);
        var workerActor = app.Borough.Users[Roles.SocialWorker].Actor;
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ife", daysAgo: 5);
        int visitId, noteId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            visitId = (await scope.ServiceProvider.GetRequiredService<VisitService>().RecordAsync(workerActor, child,
                new(Today, null, true, true, null, VisitLocation.Home, null, "Ife showed me her room.", false)))!.Id;
            noteId = (await scope.ServiceProvider.GetRequiredService<CaseNoteService>().WriteAsync(workerActor, child,
                new(CaseNoteType.Telephone, DateTime.UtcNow.AddHours(-1), false, null, "Rang the school.")))!.Id;
        }
        var (planChild, planId, actionId, meetingId) = await SocialWorkData.SamplePlan(app);
        var (oversightChild, oversightId, _) = await SocialWorkData.SampleOversight(app);

        foreach (var (person, name, url) in new[] { (child, "Ife Okafor", $"/people/{child}/visits/{visitId}"), (child, "Ife Okafor", $"/people/{child}/notes/{noteId}"),
                     (child, "Ife Okafor", $"/people/{child}/notes/{noteId}/edit"), (planChild, "Pia Okafor", $"/people/{planChild}/plans/{planId}"),
                     (planChild, "Pia Okafor", $"/people/{planChild}/plans/{planId}/actions/{actionId}"),
                     (planChild, "Pia Okafor", $"/people/{planChild}/plans/{planId}/meetings/{meetingId}"),
                     (oversightChild, "Cara Sample", $"/people/{oversightChild}/oversight/{oversightId}") })
        {
            async Task<List<string>> ViewsAsync()
            {
                await app.FlushAccessLogAsync();
                await using var db = app.OpenDb();
                return await db.AccessLog.Where(e => e.PersonId == person && e.UserId == workerActor.UserId && e.Action == Core.Access.Log.AccessAction.Viewed)
                    .OrderBy(e => e.Sequence).Select(e => e.What).ToListAsync();
            }
            var before = await ViewsAsync();
            var page = await Forms.GetDocumentAsync(worker, url);
            var after = await ViewsAsync();

            Assert.Single(after.Skip(before.Count));
            Assert.Contains(name, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);   // the name, read without a second view
        }
    }

    [Fact]
    public async Task ANoteIsWritten_EditedWithItsVersionsShown_AndAConflictKeepsWhatWasTyped()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ore", daysAgo: 5);
        var now = WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow).AddMinutes(-30);
        Dictionary<string, string> Fields(string text, bool significant = false)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.Type"] = "DirectWork", ["Input.Occurred.Date.Day"] = now.Day.ToString(), ["Input.Occurred.Date.Month"] = now.Month.ToString(),
                ["Input.Occurred.Date.Year"] = now.Year.ToString(), ["Input.Occurred.Time"] = now.ToString("HH:mm"), ["Input.WhoWasSeen"] = "Ore",
                ["Input.Text"] = text,
            };
            if (significant) fields["Input.Significant"] = "true";   // an unticked checkbox sends nothing
            return fields;
        }

        var written = await Forms.PostAsync(worker, $"/people/{child}/notes/new", Fields("Three houses work.\nOre drew his family."));
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        var noteLink = casePage.QuerySelector($"a[href^='/people/{child}/notes/']:not([href$='/new'])")!.GetAttribute("href")!;
        Assert.Contains("Three houses work.", casePage.QuerySelector("#notes + table")!.TextContent, StringComparison.Ordinal);

        var edit = await Forms.GetDocumentAsync(worker, noteLink + "/edit");
        var version = edit.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        // The manager saves first; the worker's page still has the version they opened.
        var first = await Forms.PostAsync(manager, noteLink + "/edit", new(Fields("Three houses work.\nOre drew his family. Manager: good work.", significant: true)) { ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var late = await Forms.PostAsync(worker, noteLink + "/edit", new(Fields("My own change")) { ["Version"] = version });
        var conflict = await Forms.ParseAsync(late);
        Assert.StartsWith("Someone else changed this note since you opened it", Forms.Errors(conflict)[0], StringComparison.Ordinal);
        Assert.Equal("My own change", conflict.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.Contains("Manager: good work.", conflict.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);

        var note = await Forms.GetDocumentAsync(worker, noteLink);
        Assert.Contains("Edited", note.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Significant event", note.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Replaced", note.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ore drew his family.", note.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTeamsChild_Is404_OnEveryPageAndTheApi()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Uche", daysAgo: 5, teamId: app.Borough.AssessmentTeamId);
        int visitId, noteId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var sm = app.Borough.Users[Roles.ServiceManager].Actor;
            noteId = (await scope.ServiceProvider.GetRequiredService<CaseNoteService>().WriteAsync(sm, child,
                new(CaseNoteType.ManagementDiscussion, DateTime.UtcNow.AddHours(-1), false, null, "Discussed with the team manager.")))!.Id;
            // Recorded by the assessment team (the test borough has no user there to act as).
            await using var db = app.OpenDb();
            var visit = new Visit
            {
                PersonId = child, VisitedOn = Today, VisitedById = "x", VisitedByName = "Assessment worker", ChildSeen = true, ChildSeenAlone = true,
                Location = VisitLocation.Home, Observations = "Seen at home.", RecordedById = "x", RecordedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }

        foreach (var url in new[] { $"/people/{child}/visits/new", $"/people/{child}/notes/new", $"/people/{child}/notes/{noteId}", $"/people/{child}/notes/{noteId}/edit",
                     $"/people/{child}/visits/{visitId}", $"/api/people/{child}/visits", $"/api/people/{child}/notes" })
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(url)).StatusCode);
        var posted = await worker.PostAsJsonAsync($"/api/people/{child}/notes", new { type = "Telephone", occurredAtUtc = DateTime.UtcNow.AddMinutes(-5), text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task TheApi_RecordsVisitsAndNotes_AndRefusesAStaleEdit()
    {
        var worker = await app.As(Roles.SocialWorker);
        var qa = await app.As(Roles.QaOfficer);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Zara", daysAgo: 5);

        var bad = await worker.PostAsJsonAsync($"/api/people/{child}/visits", new { visitedOn = Today, childSeen = false, location = "Home", observations = "No answer" });
        var ok = await worker.PostAsJsonAsync($"/api/people/{child}/visits", new { visitedOn = Today, childSeen = true, childSeenAlone = true, location = "School", observations = "Happy at school" });
        var refused = await qa.PostAsJsonAsync($"/api/people/{child}/visits", new { visitedOn = Today, childSeen = true, childSeenAlone = true, location = "School", observations = "x" });
        var visits = await worker.GetFromJsonAsync<Safeguard.Web.Api.VisitsApi.VisitsDto>($"/api/people/{child}/visits");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Enter why the child was not seen", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("School", Today.AddDays(28), false), (Assert.Single(visits!.Visits).Location, visits.NextVisit!.DueOn, visits.NextVisit.Late));

        var note = await (await worker.PostAsJsonAsync($"/api/people/{child}/notes",
            new { type = "Telephone", occurredAtUtc = DateTime.UtcNow.AddMinutes(-5), text = "Rang school." })).Content.ReadFromJsonAsync<Safeguard.Web.Api.VisitsApi.NoteDto>();
        var put = await worker.PutAsJsonAsync($"/api/people/{child}/notes/{note!.Id}",
            new { type = "Telephone", occurredAtUtc = note.OccurredAtUtc, significant = true, text = "Rang school: attendance 60%.", version = note.Version });
        var stale = await worker.PutAsJsonAsync($"/api/people/{child}/notes/{note.Id}",
            new { type = "Telephone", occurredAtUtc = note.OccurredAtUtc, text = "Again", version = note.Version });
        var shown = await worker.GetFromJsonAsync<Safeguard.Web.Api.VisitsApi.NoteDto>($"/api/people/{child}/notes/{note.Id}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(("Rang school: attendance 60%.", true, "Rang school."), (shown!.Text, shown.Significant, Assert.Single(shown.Versions!).Text));
    }
}
