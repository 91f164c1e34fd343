using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>The closure pages, the case page's panel, My work's links, the API and its refusals.</summary>
public class ClosurePageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    [Fact]
    public async Task TheWorkerProposes_TheManagerSendsItBack_AndItReachesTheWorkersMyWork()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Dapo");

        var form = await Forms.GetDocumentAsync(worker, $"/people/{child}/close");
        Assert.Equal("Close or step down Dapo Okafor's case", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(8, form.QuerySelectorAll("input[name=ReasonCode]").Length);
        Assert.NotNull(form.QuerySelector($"input[name=EarlyHelpTeamId][value='{app.Borough.EarlyHelpTeamId}']"));

        var missing = await Forms.PostAsync(worker, $"/people/{child}/close", new() { ["Reasons"] = "Kept" });
        var missingPage = await Forms.ParseAsync(missing);
        Assert.Equal(["Choose whether to close the case or step it down to early help"], Forms.Errors(missingPage));
        Assert.Equal("Kept", missingPage.QuerySelector("textarea[name=Reasons]")!.TextContent.Trim());
        var noCode = await Forms.PostAsync(worker, $"/people/{child}/close", new() { ["Kind"] = "Close", ["Reasons"] = "Needs met" });
        Assert.Equal(["Choose the reason for closure"], Forms.Errors(await Forms.ParseAsync(noCode)));

        var sent = await Forms.PostAsync(worker, $"/people/{child}/close", new() { ["Kind"] = "Close", ["ReasonCode"] = "RC7", ["Reasons"] = "Needs met" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        int closureId;
        await using (var db = app.OpenDb()) closureId = await db.Closures.Where(c => c.PersonId == child).Select(c => c.Id).SingleAsync();
        var link = $"/people/{child}/closures/{closureId}";
        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.Contains("Waiting for sign-off", casePage.QuerySelector("#closure")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await Forms.GetDocumentAsync(manager, "/")).QuerySelector($"a[href='{link}']"));
        Assert.Null((await Forms.GetDocumentAsync(worker, $"{link}")).QuerySelector("input[name=Decision]"));

        var version = (await Forms.GetDocumentAsync(manager, link)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var stale = await Forms.PostAsync(manager, link, new() { ["Decision"] = "return", ["Reason"] = "Typed before", ["Version"] = Guid.NewGuid().ToString() });
        var stalePage = await Forms.ParseAsync(stale);
        Assert.StartsWith("Someone else decided on this proposal", Forms.Errors(stalePage)[0], StringComparison.Ordinal);
        Assert.Equal("Typed before", stalePage.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        var noReason = await Forms.PostAsync(manager, link, new() { ["Decision"] = "return", ["Reason"] = "", ["Version"] = version });
        Assert.Equal(["Enter why you are sending it back, and what needs to happen first"], Forms.Errors(await Forms.ParseAsync(noReason)));
        var back = await Forms.PostAsync(manager, link, new() { ["Decision"] = "return", ["Reason"] = "Ask the school first", ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        Assert.NotNull((await Forms.GetDocumentAsync(worker, "/")).QuerySelector($"a[href='{link}']"));
        Assert.Null((await Forms.GetDocumentAsync(manager, "/")).QuerySelector($"a[href='{link}']"));
        var again = await Forms.GetDocumentAsync(worker, $"/people/{child}/close");
        Assert.Contains("Ask the school first", again.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Needs met", again.QuerySelector("textarea[name=Reasons]")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherTeamsChild_Is404_OnEveryClosurePageAndTheApi()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Seun", teamId: app.Borough.AssessmentTeamId);
        CaseClosure proposed;
        using (var scope = app.Factory.Services.CreateScope())
            proposed = (await scope.ServiceProvider.GetRequiredService<ClosureService>().ProposeAsync(Actor.System("test"),
                child, new ClosureService.Proposal(ClosureKind.Close, "RC7", "Needs met", null)))!;

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/people/{child}/close")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/people/{child}/closures/{proposed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{child}/step-up")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/people/{child}/closures")).StatusCode);
        var decide = await manager.PostAsJsonAsync($"/api/closures/{proposed.Id}/authorise", new { version = proposed.Version, approve = true, reason = "Mine?" });
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
    }

    [Fact]
    public async Task TheApi_ProposesSignsOffAndStepsUp_AndRefusesTheWrongRole()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var mash = await app.As(Roles.MashWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Tolu");

        var bad = await worker.PostAsJsonAsync($"/api/people/{child}/closures", new { kind = "Close", reasonCode = "RC8", reasons = "Done" });
        var created = await worker.PostAsJsonAsync($"/api/people/{child}/closures",
            new { kind = "StepDownToEarlyHelp", reasons = "Family asked for parenting help", earlyHelpTeamId = app.Borough.EarlyHelpTeamId });
        var dto = await created.Content.ReadFromJsonAsync<Safeguard.Web.Api.ClosuresApi.ClosureDto>();
        var refused = await mash.PostAsJsonAsync($"/api/closures/{dto!.Id}/authorise", new { version = dto.Version, approve = true, reason = "Yes" });
        var signed = await manager.PostAsJsonAsync($"/api/closures/{dto.Id}/authorise", new { version = dto.Version, approve = true, reason = "Agreed" });
        var summary = await worker.GetFromJsonAsync<Safeguard.Web.Api.ClosuresApi.SummaryDto>($"/api/people/{child}/closures");
        var workerStepUp = await worker.PostAsJsonAsync($"/api/people/{child}/step-up", new { teamId = app.Borough.AssessmentTeamId, reasons = "Worse" });
        var stepUp = await manager.PostAsJsonAsync($"/api/people/{child}/step-up", new { teamId = app.Borough.AssessmentTeamId, reasons = "Worse" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("RC7", "StepDownToEarlyHelp"), (dto.ReasonCode, dto.Kind));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Null(summary!.Open);
        Assert.True(summary.OpenToEarlyHelp);
        Assert.Equal("RC7", Assert.Single(summary.Past).ReasonCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerStepUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stepUp.StatusCode);
        var up = await stepUp.Content.ReadFromJsonAsync<Safeguard.Web.Api.ClosuresApi.SteppedUpDto>();
        Assert.True(up!.PossibleRepeatReferral);
    }
}
