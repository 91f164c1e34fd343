using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// The child protection plan over the API, as the social worker, the chair and a partner: "ongoing" refused beside its
/// field, actions added, a stale version 409, progress and a moved date, the core group recorded and the next one due.
/// </summary>
public class ProtectionPlanApiTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    [Fact]
    public async Task ThePlansWork_OverTheApi_AsEachRoleMay()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(app, "Adjoa");
        var worker = await app.As(Roles.SocialWorker);
        var chair = await app.As(Roles.ConferenceChair);
        var partner = await app.As(Roles.PartnerAgencyUser);
        var url = $"/api/people/{child}/protection-plans/{plan.Id}";

        var listed = (await worker.GetFromJsonAsync<List<ChildProtectionApi.ProtectionPlanListed>>($"/api/people/{child}/protection-plans", Json.Options))!;
        Assert.Equal([(plan.Id, "NEG")], listed.Select(p => (p.Id, p.LatestCategory)));
        var read = (await chair.GetFromJsonAsync<ChildProtectionApi.ProtectionPlanDto>(url, Json.Options))!;
        Assert.Equal(["Initial", "Review"], read.Conferences.Select(c => c.Kind));
        var due = Assert.Single(read.CoreGroups);
        Assert.Null(due.HeldOn);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(url)).StatusCode);

        var ongoing = await worker.PostAsJsonAsync($"{url}/actions", new { version = read.Version, actions = new[] { new { text = "School monitors", ownerName = "School", dueDate = "ongoing" } } }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, ongoing.StatusCode);
        var problem = (await ongoing.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json.Options))!;
        Assert.StartsWith("Enter a real date for this action: 'ongoing' is not a date", Assert.Single(problem.Errors["actions[0].DueDate"]), StringComparison.Ordinal);
        var byChair = await chair.PostAsJsonAsync($"{url}/actions", new { version = read.Version, actions = new[] { new { text = "x", ownerName = "School", dueDate = "2030-01-01" } } }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, byChair.StatusCode);

        var added = await worker.PostAsJsonAsync($"{url}/actions", new
        {
            version = read.Version, actions = new[] { new { text = "School reports attendance weekly", ownerName = "School", dueDate = Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withAction = (await added.Content.ReadFromJsonAsync<ChildProtectionApi.ProtectionPlanDto>(Json.Options))!;
        var action = Assert.Single(withAction.Actions);

        var stale = await worker.PostAsJsonAsync($"{url}/actions/{action.Id}/progress", new { version = read.Version, status = "InProgress", text = "Two reports in" }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var progressed = await worker.PostAsJsonAsync($"{url}/actions/{action.Id}/progress", new { version = withAction.Version, status = "InProgress", text = "Two reports in" }, Json.Options);
        var afterProgress = (await progressed.Content.ReadFromJsonAsync<ChildProtectionApi.ProtectionPlanDto>(Json.Options))!;
        var noReason = await worker.PostAsJsonAsync($"{url}/actions/{action.Id}/due-date", new { version = afterProgress.Version, dueDate = "2030-01-01" }, Json.Options);
        Assert.Equal(["reason"], (await noReason.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json.Options))!.Errors.Keys);
        var moved = await worker.PostAsJsonAsync($"{url}/actions/{action.Id}/due-date",
            new { version = afterProgress.Version, dueDate = Today.AddDays(28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "Half term" }, Json.Options);
        Assert.Equal(Today.AddDays(28), Assert.Single((await moved.Content.ReadFromJsonAsync<ChildProtectionApi.ProtectionPlanDto>(Json.Options))!.Actions).DueDate);

        var future = await worker.PostAsJsonAsync($"{url}/core-groups/{due.Id}", new
        {
            version = due.Version, heldOn = Today.AddDays(3), attendees = "Mother, school", notes = "Going well",
            progress = new[] { new { actionId = action.Id, status = "InProgress", text = "Three reports in" } },
        }, Json.Options);
        Assert.Contains("is in the future", Assert.Single((await future.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json.Options))!.Errors["heldOn"]), StringComparison.Ordinal);
        var held = await worker.PostAsJsonAsync($"{url}/core-groups/{due.Id}", new
        {
            version = due.Version, heldOn = Today, attendees = "Mother, school", notes = "Going well",
            progress = new[] { new { actionId = action.Id, status = "InProgress", text = "Three reports in" } },
        }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var after = (await worker.GetFromJsonAsync<ChildProtectionApi.ProtectionPlanDto>(url, Json.Options))!;
        Assert.Equal([(DateOnly?)Today, null], after.CoreGroups.Select(m => m.HeldOn));
        Assert.Equal("Three reports in", Assert.Single(after.Actions).Progress);
    }
}
