using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>
/// One contact per app for the role tests: about Aisha and a child not yet matched, awaiting screening (so every
/// front-door page has something to show), with one document. Made once per app, however many tests ask.
/// </summary>
internal static class FrontDoorSample
{
    private static readonly ConditionalWeakTable<SafeguardApp, Task<(int Contact, int ContactChild, int Document)>> Made = [];

    public static Task<(int Contact, int ContactChild, int Document)> For(SafeguardApp app) => Made.GetValue(app, MakeAsync);

    private static async Task<(int, int, int)> MakeAsync(SafeguardApp app)
    {
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([app.Borough.Aisha], [new ReportedChild("Sam Notyetmatched", null, null)]));
        using var scope = app.Factory.Services.CreateScope();
        var added = await scope.ServiceProvider.GetRequiredService<AttachmentService>()
            .AddToContactAsync(FrontDoorData.Worker(app), contact.Id, [new AttachmentService.Upload("sample.pdf", FrontDoorData.Pdf())]);
        return (contact.Id, contact.Children.Single(c => c.PersonId is null).Id, added![0].Id);
    }
}
