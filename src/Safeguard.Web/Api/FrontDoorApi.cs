using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;
using static Safeguard.Web.Api.FrontDoorMapping;

namespace Safeguard.Web.Api;

/// <summary>
/// The front door as JSON: contacts and their import here, the MASH in <see cref="MashApi"/>, partner agencies'
/// requests in <see cref="PartnerApi"/>. Each endpoint names the capability it needs; the Core services check again.
/// </summary>
public static class FrontDoorApi
{
    public static void MapFrontDoorApi(this IEndpointRouteBuilder app)
    {
        MapContacts(app.MapGroup("/api/contacts").WithTags("Contacts"));
        app.MapMashApi();
        app.MapPartnerApi();
    }

    private static void MapContacts(RouteGroupBuilder api)
    {
        api.MapGet("", async (int? page, int? pageSize, FrontDoorQueries queries, CurrentActor me, CancellationToken ct) =>
            {
                var (p, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 200));
                var (rows, total, overdue) = await queries.ContactQueueAsync(me.Actor, p, size, ct);
                return Results.Ok(new QueuePage(p, size, total, overdue, rows.Select(r => new QueueItem(r.ContactId, r.Reference, r.ReceivedAtUtc,
                    r.DueAtUtc, r.SourceCode, r.ReferrerName, r.Method.ToString(), r.Children, r.NeedsMatching, r.PossibleRepeat)).ToList()));
            })
            .RequireAuthorization(Capabilities.ViewFrontDoor)
            .WithSummary("The contact queue: contacts awaiting screening, soonest due first (?page=1&pageSize=50, at most 200)");

        api.MapPost("", (ContactInput input, ContactService contacts, CurrentActor me, TimeProvider clock, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var actor = me.Actor;
                    var c = await contacts.RecordAsync(actor, ToNewContact(input, actor, clock.GetUtcNow().UtcDateTime), ct);
                    return Results.Created($"/api/contacts/{c.Id}", new ContactChanged(c.Id, c.Reference, c.Version, c.Stage.ToString(), null));
                }))
            .RequireAuthorization(Capabilities.RecordContact)
            .WithSummary("Record a contact: children by record (childIds) or as the referrer named them (reportedChildren); partner agencies name them");

        api.MapGet("/{id:int}", async (int id, FrontDoorQueries queries, CurrentActor me, CancellationToken ct) =>
                await queries.ContactAsync(me.Actor, id, ct) is { } view ? Results.Ok(ToDto(view)) : ApiResults.NotFound("contact"))
            .RequireAuthorization(Capabilities.ViewFrontDoor)
            .WithSummary("A contact with its children, their flags (open case, possible repeat, possible duplicates) and its MASH case (the view is logged)");

        api.MapPost("/{id:int}/children", (int id, MatchInput input, ContactService contacts, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var c = await contacts.MatchChildAsync(me.Actor, id, input.Version, input.ContactChildId, input.PersonId, ct);
                    return c is null ? ApiResults.NotFound("contact") : Results.Ok(new ContactChanged(c.Id, c.Reference, c.Version, c.Stage.ToString(), null));
                }))
            .RequireAuthorization(Capabilities.ScreenContact)
            .WithSummary("Match a child the referrer named (contactChildId) to a record (personId), or add another child (no contactChildId)");

        api.MapPost("/{id:int}/screening", (int id, ScreeningInput input, ContactService contacts, SafeguardDbContext db, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var decision = new ContactService.Screening(Choice<ScreeningOutcome>(input.Outcome, "Outcome"), input.Reason ?? "", input.ToTeamId,
                        input.PrimaryNeedCode, input.DecidedAtUtc is { } at ? Utc(at) : null);
                    var c = await contacts.ScreenAsync(me.Actor, id, input.Version, decision, ct);
                    if (c is null) return ApiResults.NotFound("contact");
                    var mashId = await db.MashCases.Where(m => m.ContactId == c.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
                    return Results.Ok(new ContactChanged(c.Id, c.Reference, c.Version, c.Stage.ToString(), mashId));
                }))
            .RequireAuthorization(Capabilities.ScreenContact)
            .WithSummary("The screening decision (outcome: NoFurtherAction, InformationAndAdvice, Signpost, EarlyHelp, Referral or Mash) with its reason");

        api.MapPost("/{id:int}/referrer-told", (int id, ReferrerToldInput input, ContactService contacts, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var c = await contacts.RecordReferrerToldAsync(me.Actor, id, input.Version, input.ToldOn, input.How ?? "", ct);
                    return c is null ? ApiResults.NotFound("contact") : Results.Ok(new ContactChanged(c.Id, c.Reference, c.Version, c.Stage.ToString(), null));
                }))
            .RequireAuthorization(Capabilities.ScreenContact)
            .WithSummary("Record when and how the referrer was told the outcome of a decided contact");

        api.MapPost("/import", (HttpRequest request, ContactImport import, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var result = await import.ImportAsync(me.Actor, request.Body, ct);
                    if (!result.Succeeded)
                    {
                        return Results.Problem($"The file has {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}; nothing was imported. Fix them all and send it again.",
                            statusCode: StatusCodes.Status400BadRequest, title: "The file could not be imported", type: "https://safeguard.example/problems/contact-import",
                            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
                    }
                    var added = result.Contacts;
                    return Results.Ok(new ImportSummary(added.Count, added.Count(c => c.Stage == ContactStage.AwaitingScreening),
                        added.Count(c => c.Stage == ContactStage.NewInformation), added.Select(c => new ContactRef(c.Id, c.Reference)).ToList()));
                }))
            .Accepts<string>("text/csv")
            .RequireAuthorization(Capabilities.ImportContacts)
            .WithSummary("Import contacts from a CSV file sent as the body (docs/contact-import.md): all of them, or none and every line's problems");
    }

    /// <summary>
    /// The contact as the Core takes it. A choice that cannot be read (an unknown consent, say) is reported together
    /// with the contact's other problems, so a client sees them all at once.
    /// </summary>
    private static NewContact ToNewContact(ContactInput input, Actor actor, DateTime nowUtc)
    {
        var problems = new List<ValidationFailure>();
        T Pick<T>(string? text, string field) where T : struct, Enum
        {
            try { return Choice<T>(text, field); }
            catch (ValidationException ex) { problems.AddRange(ex.Errors); return default; }
        }
        var contact = new NewContact
        {
            ReceivedAtUtc = Utc(input.ReceivedAtUtc),
            // A partner agency's contact always comes from their own view: the service records it so.
            Method = input.Method is null && actor.Roles.Contains(Roles.PartnerAgencyUser) ? ContactMethod.PartnerPortal : Pick<ContactMethod>(input.Method, "Method"),
            SourceCode = input.SourceCode ?? "",
            ReferrerAgencyId = input.ReferrerAgencyId,
            ReferrerName = input.ReferrerName,
            ReferrerRole = input.ReferrerRole,
            ReferrerContactDetails = input.ReferrerContactDetails,
            ChildIds = input.ChildIds ?? [],
            ReportedChildren = (input.ReportedChildren ?? []).Select(r => new ReportedChild(r.Name ?? "", r.DateOfBirth, r.Address)).ToList(),
            FactorCodes = input.FactorCodes ?? [],
            Concerns = input.Concerns ?? "",
            ReferrerRequest = input.ReferrerRequest,
            Consent = Pick<Consent>(input.Consent, "Consent"),
            ConsentReason = input.ConsentReason,
            PoliceRag = input.PoliceRag is null ? null : Pick<Rag>(input.PoliceRag, "PoliceRag"),
        };
        if (problems.Count == 0) return contact;
        var others = new NewContactValidator(nowUtc).Validate(contact.Tidy()).Errors.Where(e => problems.All(p => p.PropertyName != e.PropertyName));
        throw new ValidationException([.. problems, .. others]);
    }
}
