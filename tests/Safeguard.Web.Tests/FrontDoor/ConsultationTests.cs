using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>The consultation rules, straight on the validator (no database).</summary>
public class ConsultationRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static NewConsultation Valid() => new()
    {
        Kind = ConsultationKind.NoName, ReceivedAtUtc = Now.AddMinutes(-10), SourceCode = "2A", ProfessionalName = "Ms Lead",
        Question = "Should I refer a child who says they are often left alone?", Advice = "Yes: make a contact today.",
    };

    private static List<(string Field, string Message)> Errors(NewConsultation input) =>
        new NewConsultationValidator(Now).Validate(input.Tidy()).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Fact]
    public void AProfessionalsNoNameConsultation_IsValid() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("1A")]
    [InlineData("1B")]
    [InlineData("1C")]
    [InlineData("1D")]
    [InlineData("9")]
    public void FromTheFamilyThePublicTheChildOrAnAnonymousCaller_IsRefused(string source) =>
        Assert.Contains(("SourceCode", NewConsultationValidator.PublicRefused), Errors(Valid() with { SourceCode = source }));

    [Fact]
    public void WithoutTheProfessionalsName_IsRefused() =>
        Assert.Contains(Errors(Valid() with { ProfessionalName = "  " }), e => e.Field == "ProfessionalName");

    [Fact]
    public void Named_WithoutAChild_IsRefused() =>
        Assert.Contains(("PersonId", "Choose the child the consultation is about"), Errors(Valid() with { Kind = ConsultationKind.Named }));

    [Fact]
    public void NoName_WithAChild_IsRefused() =>
        Assert.Contains(Errors(Valid() with { PersonId = Guid.NewGuid() }), e => e.Field == "PersonId");

    [Fact]
    public void WithoutQuestionOrAdvice_IsRefused()
    {
        var errors = Errors(Valid() with { Question = "", Advice = "" });
        Assert.Contains(errors, e => e.Field == "Question");
        Assert.Contains(errors, e => e.Field == "Advice");
    }

    [Fact]
    public void ReceivedInTheFuture_IsRefused() =>
        Assert.Contains(Errors(Valid() with { ReceivedAtUtc = Now.AddHours(1) }), e => e.Field == "ReceivedAtUtc");
}

public class ConsultationTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    [Fact]
    public async Task Named_IsOnTheChildsChronologyAndInTheAccessLog()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Consulted");
        using var scope = app.Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ConsultationService>();

        var saved = await service.RecordAsync(FrontDoorData.Worker(app), new NewConsultation
        {
            Kind = ConsultationKind.Named, ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-5), SourceCode = "3B", ProfessionalName = "Health Visitor Hana",
            PersonId = child, Question = "Mother seems low since the birth.", Advice = "Talk to the GP; early help if she agrees.",
        }, TestContext.Current.CancellationToken);

        await using var db = app.OpenDb();
        Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == child && e.Kind == FrontDoorChronology.Consultation, TestContext.Current.CancellationToken));
        Assert.True(await db.AccessLog.AnyAsync(e => e.PersonId == child && e.Action == AccessAction.Created && e.What == $"Consultation {saved.Id}",
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Named_AboutARestrictedChild_IsRefusedAsNotFound()
    {
        using var scope = app.Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ConsultationService>();

        var ex = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => service.RecordAsync(FrontDoorData.Worker(app), new NewConsultation
        {
            Kind = ConsultationKind.Named, ReceivedAtUtc = DateTime.UtcNow, SourceCode = "6", ProfessionalName = "PC Patel",
            PersonId = app.Borough.Restricted, Question = "Q", Advice = "A",
        }, TestContext.Current.CancellationToken));
        Assert.Contains(ex.Errors, e => e.PropertyName == "PersonId");
    }

    [Fact]
    public async Task Page_RefusesAFamilyMember_AndSavesAProfessionalsNoNameConsultation()
    {
        var client = await app.As(Roles.ContactServiceWorker);
        var now = Safeguard.Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow.AddMinutes(-10));
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "NoName", ["Input.Received.Date.Day"] = now.Day.ToString(), ["Input.Received.Date.Month"] = now.Month.ToString(),
            ["Input.Received.Date.Year"] = now.Year.ToString(), ["Input.Received.Time"] = now.ToString("HH:mm"), ["Input.SourceCode"] = "1A",
            ["Input.ProfessionalName"] = "An aunt", ["Input.Question"] = "Is it all right to leave a 9-year-old alone?", ["Input.Advice"] = "No.",
        };

        var refused = await Forms.ParseAsync(await Forms.PostAsync(client, "/consultations/new", fields));
        Assert.Contains(NewConsultationValidator.PublicRefused, refused.QuerySelector("#Input_SourceCode-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("An aunt", refused.QuerySelector("#Input_ProfessionalName")!.GetAttribute("value"));

        fields["Input.SourceCode"] = "2A";
        fields["Input.ProfessionalName"] = "Ms Lead";
        var saved = await Forms.PostAsync(client, "/consultations/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await Forms.GetDocumentAsync(client, "/consultations?kind=NoName");
        Assert.Contains("Ms Lead", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 no-name", list.QuerySelector("#consultation-counts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Named_FindsTheChildBySafeguardId()
    {
        var client = await app.As(Roles.MashWorker);
        var now = Safeguard.Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow.AddMinutes(-10));
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Named", ["Input.ChildSafeguardId"] = "SG-9999999", ["Input.Received.Date.Day"] = now.Day.ToString(),
            ["Input.Received.Date.Month"] = now.Month.ToString(), ["Input.Received.Date.Year"] = now.Year.ToString(), ["Input.Received.Time"] = now.ToString("HH:mm"),
            ["Input.SourceCode"] = "6", ["Input.ProfessionalName"] = "PC Patel", ["Input.Question"] = "Is Aisha known?", ["Input.Advice"] = "Make a contact.",
        };

        var unknown = await Forms.ParseAsync(await Forms.PostAsync(client, "/consultations/new", fields));
        Assert.Contains("No child has that Safeguard ID", unknown.QuerySelector("#Input_ChildSafeguardId-error")!.TextContent, StringComparison.Ordinal);

        await using (var db = app.OpenDb())
            fields["Input.ChildSafeguardId"] = Safeguard.Core.People.Person.FormatNumber(
                await db.People.Where(p => p.Id == app.Borough.Aisha).Select(p => p.Number).SingleAsync(TestContext.Current.CancellationToken));
        var saved = await Forms.PostAsync(client, "/consultations/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await Forms.GetDocumentAsync(client, "/consultations?kind=Named");
        Assert.NotNull(list.QuerySelector($"tbody a[href='/people/{app.Borough.Aisha}']"));
    }
}
