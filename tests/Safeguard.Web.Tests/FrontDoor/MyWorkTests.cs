using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>"My work" shows each person what is theirs, soonest first, with the reason; and drops it once done.</summary>
public class MyWorkTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private Actor As(string role) => app.Borough.Users[role].Actor;

    private async Task<(Contact Contact, int CaseId, InformationRequest Request)> CaseWithRequestAsync(string childName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var child = await sp.GetRequiredService<PeopleService>().AddAsync(As(Roles.SocialWorker), new PersonDetails
        {
            FirstName = childName, LastName = "Okafor", DateOfBirth = new DateOnly(2014, 1, 5), Sex = "M", Ethnicity = "BAFR",
        });
        var contacts = sp.GetRequiredService<ContactService>();
        var contact = await contacts.RecordAsync(As(Roles.ContactServiceWorker), new NewContact
        {
            ReceivedAtUtc = DateTime.UtcNow.AddDays(-10), Method = ContactMethod.Phone, SourceCode = "2A", ReferrerName = "Mrs Achebe",
            ChildIds = [child.Id], Concerns = "Not collected from school three days running", Consent = Consent.Given,
        });
        await contacts.ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version, new ContactService.Screening(ScreeningOutcome.Mash, "Checks needed"));
        var db = sp.GetRequiredService<Core.Data.SafeguardDbContext>();
        var mash = await db.MashCases.AsNoTracking().SingleAsync(m => m.ContactId == contact.Id);
        var rated = await sp.GetRequiredService<MashService>().RateAsync(As(Roles.MashWorker), mash.Id, mash.Version, Rag.Amber, null);
        var request = await sp.GetRequiredService<MashService>().RequestAsync(As(Roles.MashWorker), mash.Id, app.Borough.PoliceId, "Anything known?");
        return (contact, mash.Id, request!);
    }

    private async Task<string> MyWorkAs(string role)
    {
        var page = await Forms.GetDocumentAsync(await app.As(role), "/");
        return page.QuerySelector("[data-testid=my-work]")?.TextContent ?? page.Body!.TextContent;
    }

    [Fact]
    public async Task TheMashCaseIsOnTheWorkersTheManagersAndThePartnersList_Overdue()
    {
        var (contact, _, _) = await CaseWithRequestAsync("Tobi");

        var worker = await MyWorkAs(Roles.MashWorker);
        Assert.Contains($"MASH case for contact {contact.Reference}", worker, StringComparison.Ordinal);
        var manager = await MyWorkAs(Roles.MashManager);
        Assert.Contains($"MASH decision on contact {contact.Reference}", manager, StringComparison.Ordinal);
        Assert.Contains("overdue by", manager, StringComparison.Ordinal); // amber: 3 working days, received 10 days ago
        var partner = await MyWorkAs(Roles.PartnerAgencyUser);
        Assert.Contains($"Answer the MASH's request {contact.Reference}", partner, StringComparison.Ordinal);
        Assert.DoesNotContain("Tobi", partner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceDecided_TheCaseLeavesEveryonesList()
    {
        var (contact, caseId, request) = await CaseWithRequestAsync("Femi");
        using (var scope = app.Factory.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var version = await sp.GetRequiredService<Core.Data.SafeguardDbContext>().MashCases.Where(m => m.Id == caseId).Select(m => m.Version).SingleAsync();
            await sp.GetRequiredService<MashService>().DecideAsync(As(Roles.MashManager), caseId, version,
                new MashService.Decision(MashOutcome.NoFurtherAction, "Attendance issue only; school to follow up", CountsAsReferral: false));
        }
        Assert.DoesNotContain(contact.Reference, await MyWorkAs(Roles.MashWorker), StringComparison.Ordinal);
        var manager = await MyWorkAs(Roles.MashManager);
        Assert.DoesNotContain($"MASH decision on contact {contact.Reference}", manager, StringComparison.Ordinal);
        Assert.Contains($"Tell the referrer the outcome of contact {contact.Reference}", manager, StringComparison.Ordinal);
        Assert.DoesNotContain($"request {contact.Reference}", await MyWorkAs(Roles.PartnerAgencyUser), StringComparison.Ordinal);
        Assert.NotNull(request);
    }

    [Fact]
    public async Task TheContactServiceSeesItsQueue_AndTheAllocatedWorkerSeesNewInformation()
    {
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Core.Data.SafeguardDbContext>();
        var child = await sp.GetRequiredService<PeopleService>().AddAsync(As(Roles.SocialWorker), new PersonDetails
        {
            FirstName = "Lena", LastName = "Marsh", DateOfBirth = new DateOnly(2013, 6, 1), Sex = "F", Ethnicity = "WBRI",
        });
        db.Involvements.Add(new Involvement
        {
            PersonId = child.Id, Kind = InvolvementKind.ChildInNeed, StartDate = new DateOnly(2026, 1, 5),
            TeamId = app.Borough.TeamId, WorkerId = app.Borough.Users[Roles.SocialWorker].Id,
        });
        await db.SaveChangesAsync();
        var contacts = sp.GetRequiredService<ContactService>();
        var news = await contacts.RecordAsync(As(Roles.ContactServiceWorker), new NewContact
        {
            ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-10), Method = ContactMethod.Phone, SourceCode = "1A",
            ChildIds = [child.Id], Concerns = "Grandmother worried about Lena's weight loss", Consent = Consent.Given,
        });
        var queued = await contacts.RecordAsync(As(Roles.ContactServiceWorker), new NewContact
        {
            ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-5), Method = ContactMethod.Phone, SourceCode = "3B", ReferrerName = "HV Ross",
            ReportedChildren = [new ReportedChild("Baby Carter", null, "2 Mill Lane")], Concerns = "Mother low mood, baby not gaining weight", Consent = Consent.Given,
        });

        Assert.Equal(ContactStage.NewInformation, news.Stage);
        var worker = await MyWorkAs(Roles.SocialWorker);
        Assert.Contains("New information about Lena Marsh", worker, StringComparison.Ordinal);
        Assert.Contains("A contact about a child allocated to you", worker, StringComparison.Ordinal);
        var screener = await MyWorkAs(Roles.ContactServiceWorker);
        Assert.Contains($"Screen contact {queued.Reference}", screener, StringComparison.Ordinal);
        Assert.Contains("match its children first", screener, StringComparison.Ordinal);
        Assert.DoesNotContain($"Screen contact {news.Reference}", screener, StringComparison.Ordinal);
    }
}
