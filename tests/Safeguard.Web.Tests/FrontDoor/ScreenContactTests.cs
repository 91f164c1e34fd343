using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class ScreenContactTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Screen_AsAReferral_OpensAReferralForEachChildAndGivesTheTeamAnAssessment()
    {
        var first = await FrontDoorData.NewChildAsync(app, "Referred");
        var second = await FrontDoorData.NewChildAsync(app, "Alsoreferred");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([first, second]));
        var client = await app.As(Roles.ContactServiceWorker);

        var response = await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new()
        {
            ["Outcome"] = "Referral", ["SocialWorkTeamId"] = app.Borough.AssessmentTeamId.ToString(), ["PrimaryNeedCode"] = "N1",
            ["Reason"] = "Bruising with no explanation: needs a social work assessment.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        var referrals = await db.Referrals.Where(r => r.ContactId == contact.Id).ToListAsync(Ct);
        Assert.Equal([first, second], referrals.Select(r => r.PersonId).Order());
        Assert.All(referrals, r => Assert.Equal("N1", r.PrimaryNeedCode));
        foreach (var child in new[] { first, second })
            Assert.True(await db.Involvements.AnyAsync(i => i.PersonId == child && i.Kind == InvolvementKind.Assessment
                && i.TeamId == app.Borough.AssessmentTeamId && i.EndDate == null, Ct));
        var page = await Forms.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Referral to children's social care", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Assessment team 1", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_IntoTheMash_OpensAMashCase()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Mashed");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child]));
        var client = await app.As(Roles.ContactServiceWorker);

        var response = await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new()
        {
            ["Outcome"] = "Mash", ["Reason"] = "Needs checks with police and health.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        var mash = await db.MashCases.SingleAsync(m => m.ContactId == contact.Id, Ct);
        Assert.Equal(ContactStage.WithMash, (await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct)).Stage);
        var page = await Forms.GetDocumentAsync(client, $"/contacts/{contact.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/mash/{mash.Id}']"));
    }

    [Fact]
    public async Task Screen_AsAReferralWithNothingFilledIn_SaysEverythingMissingAtOnce()
    {
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([await FrontDoorData.NewChildAsync(app, "Unfinished")]));
        var client = await app.As(Roles.ContactServiceWorker);

        var response = await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new() { ["Outcome"] = "Referral" });

        var page = await Forms.ParseAsync(response);
        Assert.Equal(["Choose the team that will take it on", "Choose the child's primary need", "Enter the reason for the decision"], Forms.Errors(page));
        Assert.NotNull(page.QuerySelector("#SocialWorkTeamId-error"));
        Assert.Null(page.QuerySelector(".govuk-radios__conditional--hidden #SocialWorkTeamId"));
    }

    [Fact]
    public async Task Screen_DatedBeforeTheContactWasReceived_IsRefusedAndKeepsTheInput()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Early");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child]));
        var before = Safeguard.Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow.AddDays(-2));
        var client = await app.As(Roles.ContactServiceWorker);

        var response = await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new()
        {
            ["Outcome"] = "InformationAndAdvice", ["Reason"] = "Advice given to the school by phone.",
            ["DecidedAt.Date.Day"] = before.Day.ToString(), ["DecidedAt.Date.Month"] = before.Month.ToString(),
            ["DecidedAt.Date.Year"] = before.Year.ToString(), ["DecidedAt.Time"] = "10:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("The decision cannot be before the contact was received", Forms.Errors(page));
        Assert.Contains("before the contact was received", page.QuerySelector("#DecidedAt_Date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Advice given to the school by phone.", page.QuerySelector("#Reason")!.TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(ContactStage.AwaitingScreening, (await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct)).Stage);
    }

    [Fact]
    public async Task Screen_AfterSomeoneElseDecided_SaysSoAndSavesNothing()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Twice");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child]));
        var client = await app.As(Roles.ContactServiceWorker);
        var page = await Forms.GetDocumentAsync(client, $"/contacts/{contact.Id}/screen");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var staleVersion = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new() { ["Outcome"] = "Signpost", ["Reason"] = "First decision." });

        var second = await client.PostAsync($"/contacts/{contact.Id}/screen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = staleVersion, ["Outcome"] = "NoFurtherAction", ["Reason"] = "Second decision.",
        }));

        var result = await Forms.ParseAsync(second);
        Assert.Contains(Forms.Errors(result), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Contains("Second decision.", result.QuerySelector("#Reason")!.TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(ScreeningOutcome.Signpost, (await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct)).ScreeningOutcome);
    }

    [Fact]
    public async Task Match_AReportedChild_ThenTheContactCanBeScreened()
    {
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([], [new ReportedChild("Yusef Kahn", new DateOnly(2019, 7, 3), null)]));
        var client = await app.As(Roles.ContactServiceWorker);
        var before = await Forms.GetDocumentAsync(client, $"/contacts/{contact.Id}");
        var matchLink = before.QuerySelector("a[href*='/match/']")!.GetAttribute("href")!;
        Assert.Null(before.QuerySelector($"a[href='/contacts/{contact.Id}/screen']"));

        var matchPage = await Forms.GetDocumentAsync(client, matchLink);
        Assert.NotNull(matchPage.QuerySelector($"input[name=PersonId][value='{app.Borough.Yusuf}']"));
        var response = await FrontDoorData.PostPageFormAsync(client, matchLink, new() { ["PersonId"] = app.Borough.Yusuf.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Forms.GetDocumentAsync(client, $"/contacts/{contact.Id}");
        Assert.Equal("Yusuf Khan", after.QuerySelector(".govuk-summary-card__title")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector($"a[href='/contacts/{contact.Id}/screen']"));
    }

    [Fact]
    public async Task Contact_AboutAChildWithAnEarlierContact_ShowsThemSideBySide()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Twicereported");
        var earlier = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child], receivedAtUtc: DateTime.UtcNow.AddDays(-1)) with
        {
            SourceCode = "3A", ReferrerName = "Dr Surgery", Concerns = "Missed three appointments.",
        });
        var later = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child]));
        var client = await app.As(Roles.ContactServiceWorker);

        var page = await Forms.GetDocumentAsync(client, $"/contacts/{later.Id}");

        var table = page.QuerySelector(".govuk-summary-card table")!;
        Assert.Contains("Possible duplicates", table.TextContent, StringComparison.Ordinal);
        Assert.NotNull(table.QuerySelector($"a[href='/contacts/{earlier.Id}']"));
        Assert.Contains("Missed three appointments.", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dr Surgery", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Health: GP", table.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TellTheReferrer_OnceDecided_IsRecorded()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Told");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child]));
        var client = await app.As(Roles.ContactServiceWorker);
        await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}/screen", new() { ["Outcome"] = "NoFurtherAction", ["Reason"] = "Below threshold." });
        var today = Safeguard.Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow);

        var response = await FrontDoorData.PostPageFormAsync(client, $"/contacts/{contact.Id}", new()
        {
            ["ToldOn.Day"] = today.Day.ToString(), ["ToldOn.Month"] = today.Month.ToString(), ["ToldOn.Year"] = today.Year.ToString(), ["How"] = "By phone",
        }, handler: "Told");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        var saved = await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct);
        Assert.Equal(DateOnly.FromDateTime(today), saved.ReferrerToldOn);
        Assert.Equal("By phone", saved.ReferrerToldHow);
    }
}
