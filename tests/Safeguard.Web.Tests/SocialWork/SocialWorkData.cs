using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>Children with open cases for the social work tests, each made fresh so tests do not see each other's.</summary>
internal static class SocialWorkData
{
    private static readonly ConditionalWeakTable<SafeguardApp, Task<int>> Sample = [];

    /// <summary>A new child with an unallocated case (an involvement) of the kind in the team; returns the child and the case.</summary>
    public static async Task<(Guid Child, int Case)> OpenCaseAsync(SafeguardApp app, string first, int? teamId = null,
        InvolvementKind kind = InvolvementKind.Assessment, string last = "Okafor")
    {
        await app.As(Roles.SocialWorker);   // skips a PostgreSQL test when there is no server
        using var scope = app.Factory.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PeopleService>().AddAsync(app.Borough.Users[Roles.SocialWorker].Actor, new PersonDetails
        {
            FirstName = first, LastName = last, DateOfBirth = new DateOnly(2015, 6, 1), Sex = "M", Ethnicity = "BAFR",
        });
        await using var db = app.OpenDb();
        var involvement = new Involvement { PersonId = person.Id, Kind = kind, StartDate = new DateOnly(2026, 11, 2), TeamId = teamId ?? app.Borough.TeamId };
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync();
        return (person.Id, involvement.Id);
    }

    /// <summary>
    /// A new child referred <paramref name="daysAgo"/> days ago, open to the team (the child in need team unless given)
    /// and allocated to the worker (the test social worker unless given); returns the child and the referral.
    /// </summary>
    public static async Task<(Guid Child, int Referral)> ReferredAsync(SafeguardApp app, string first, int daysAgo = 10, int? teamId = null, string? workerId = null)
    {
        var (child, caseId) = await OpenCaseAsync(app, first, teamId);
        await using var db = app.OpenDb();
        var referralDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo);
        var contact = new Core.FrontDoor.Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-daysAgo), SourceCode = "2A", Concerns = "Hungry at school",
            Consent = Core.FrontDoor.Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = app.Borough.Users[Roles.ContactServiceWorker].Id, RecordedByName = "Test Contact service worker",
            Stage = Core.FrontDoor.ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var referral = new Core.FrontDoor.Referral { PersonId = child, ContactId = contact.Id, ReferralDate = referralDate, SourceCode = "2A", PrimaryNeedCode = "N0", TeamId = teamId ?? app.Borough.TeamId };
        db.Referrals.Add(referral);
        var involvement = await db.Involvements.FindAsync(caseId);
        involvement!.StartDate = referralDate;
        involvement.WorkerId = workerId ?? app.Borough.Users[Roles.SocialWorker].Id;
        await db.SaveChangesAsync();
        return (child, referral.Id);
    }

    /// <summary>One unallocated case per app for the role tests.</summary>
    public static Task<int> SampleCase(SafeguardApp app) => Sample.GetValue(app, async a => (await OpenCaseAsync(a, "Cara", last: "Sample")).Case);
}
