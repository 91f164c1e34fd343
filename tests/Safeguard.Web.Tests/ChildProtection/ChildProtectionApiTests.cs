using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Child protection over the API, as a social worker, a chair and a partner: a strategy discussion refused beside its
/// fields and then recorded, the enquiry concluded into a conference, the chair's list, and the partner's report.
/// </summary>
public class ChildProtectionApiTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    [Fact]
    public async Task FromStrategyDiscussionToThePartnersReport_OverTheApi()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Akua", daysAgo: 30);
        var worker = await app.As(Roles.SocialWorker);
        var at = DateTime.UtcNow.AddDays(-25);

        var refused = await worker.PostAsJsonAsync($"/api/people/{child}/strategy-discussions", new
        {
            heldAtUtc = at, form = "Meeting", participants = new[] { new { role = "School", name = "Ms Lee", tookPart = true } },
            informationShared = "Bruising.", decision = "StartSection47", decisionReason = "Harm suspected.",
        }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json.Options))!;
        Assert.Equal(2, problem.Errors["participants"].Length);

        var created = await worker.PostAsJsonAsync($"/api/people/{child}/strategy-discussions", new
        {
            heldAtUtc = at, form = "Call",
            participants = new[] { new { role = "Police", name = "DC Khan", tookPart = true }, new { role = "Gp", name = "Dr Obi", tookPart = false } },
            informationShared = "Bruising.", decision = "StartSection47", decisionReason = "Harm suspected.",
        }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var discussion = (await created.Content.ReadFromJsonAsync<ChildProtectionApi.DiscussionDto>(Json.Options))!;
        Assert.Equal(["Police", "Gp"], discussion.Participants.Select(p => p.Role));

        var enquiry = (await worker.GetFromJsonAsync<ChildProtectionApi.EnquiryDto>($"/api/people/{child}/section-47/{discussion.Section47EnquiryId}", Json.Options))!;
        var seen = await worker.PostAsJsonAsync($"/api/people/{child}/section-47/{enquiry.Id}/child-seen",
            new { childSeenOn = Today.AddDays(-24), childSeenAloneOn = Today.AddDays(-24), version = enquiry.Version }, Json.Options);
        enquiry = (await seen.Content.ReadFromJsonAsync<ChildProtectionApi.EnquiryDto>(Json.Options))!;
        var stale = await worker.PostAsJsonAsync($"/api/people/{child}/section-47/{enquiry.Id}/outcome",
            new { outcome = "InitialConference", outcomeReason = "Risk continues.", version = Guid.NewGuid() }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var concluded = await worker.PostAsJsonAsync($"/api/people/{child}/section-47/{enquiry.Id}/outcome",
            new { outcome = "InitialConference", outcomeReason = "Risk continues.", version = enquiry.Version }, Json.Options);
        Assert.Equal("InitialConference", (await concluded.Content.ReadFromJsonAsync<ChildProtectionApi.EnquiryDto>(Json.Options))!.Outcome);

        // The chair finds it, arranges it and asks the partner for a report.
        var chair = await app.As(Roles.ConferenceChair);
        var list = (await chair.GetFromJsonAsync<List<Core.ChildProtection.ConferenceService.Listed>>("/api/conferences", Json.Options))!;
        var listed = Assert.Single(list, l => l.PersonId == child);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/conferences")).StatusCode);
        var conference = (await chair.GetFromJsonAsync<ChildProtectionApi.ConferenceDto>($"/api/conferences/{listed.Id}", Json.Options))!;
        var arranged = await chair.PostAsJsonAsync($"/api/conferences/{conference.Id}/arrange", new { scheduledForUtc = DateTime.UtcNow.AddDays(2), version = conference.Version }, Json.Options);
        conference = (await arranged.Content.ReadFromJsonAsync<ChildProtectionApi.ConferenceDto>(Json.Options))!;
        var invited = await chair.PostAsJsonAsync($"/api/conferences/{conference.Id}/invite", new
        {
            members = new[] { new { role = "Police", name = "DC Khan", agencyId = app.Borough.PoliceId, userId = app.Borough.Users[Roles.PartnerAgencyUser].Id, reportRequested = true } },
            version = conference.Version,
        }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);

        var partner = await app.As(Roles.PartnerAgencyUser);
        var asked = (await partner.GetFromJsonAsync<List<Core.ChildProtection.ConferenceService.ReportToWrite>>("/api/partner/conference-reports", Json.Options))!;
        var mine = Assert.Single(asked, r => r.ConferenceId == conference.Id);
        var empty = await partner.PostAsJsonAsync($"/api/partner/conference-reports/{mine.MemberId}", new { report = " " }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/partner/conference-reports/{mine.MemberId}", new { report = "Two call-outs." }, Json.Options)).StatusCode);
        var after = (await chair.GetFromJsonAsync<ChildProtectionApi.ConferenceDto>($"/api/conferences/{conference.Id}", Json.Options))!;
        Assert.NotNull(Assert.Single(after.Members).ReportSubmittedAtUtc);
    }
}
