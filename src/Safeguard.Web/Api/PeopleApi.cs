using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>People, search and children's records as JSON. Each endpoint names the capability it needs.</summary>
public static class PeopleApi
{
    public sealed record PersonInput(PersonDetails Details, NewAddress? Address);
    public sealed record PersonUpdate(Guid Version, PersonDetails Details);
    public sealed record RelationshipInput(Guid RelatedPersonId, RelationshipType Type, bool ParentalResponsibility, DateOnly? From);

    public sealed record PersonView(
        Guid Id, string SafeguardId, PersonDetails Details, Guid Version, bool IsRestricted, DateTime? RecordedInErrorAtUtc,
        IReadOnlyList<Address> Addresses, IReadOnlyList<RelatedPerson> Family, IReadOnlyList<HouseholdMember> Household,
        IReadOnlyList<CurrentInvolvement> Involvement);

    public static void MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("People");

        api.MapGet("", async (string? q, DateOnly? dateOfBirth, int? page, PersonSearch search, CurrentActor me, CancellationToken ct) =>
                Results.Ok(await search.SearchAsync(me.Actor, new PersonQuery(q, dateOfBirth, page ?? 1), ct)))
            .RequireAuthorization(Capabilities.FindPeople)
            .WithSummary("Search for people by name, date of birth, NHS number, UPN or Safeguard ID");

        api.MapPost("/possible-duplicates", (PersonDetails details, DuplicateCheck check, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => Results.Ok(await check.FindAsync(me.Actor, details, ct))))
            .RequireAuthorization(Capabilities.FindPeople)
            .WithSummary("The people already recorded who might be the person about to be added");

        api.MapGet("/{id:guid}", async (Guid id, PeopleService people, PersonRecord record, CurrentActor me, CancellationToken ct) =>
            {
                var actor = me.Actor;
                var p = await people.OpenAsync(actor, id, "Person record (API)", ct);
                if (p is null) return ApiResults.NotFound("person");
                return Results.Ok(new PersonView(p.Id, p.SafeguardId, PersonDetails.Of(p), p.Version, p.IsRestricted, p.RecordedInErrorAtUtc,
                    p.Addresses.OrderByDescending(a => a.From).ToList(), await record.FamilyAsync(actor, id, ct),
                    await record.HouseholdAsync(actor, id, ct), await record.InvolvementAsync(id, ct)));
            })
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A person's record: details, addresses, family, household and current involvement (the view is logged)");

        api.MapGet("/{id:guid}/chronology", async (Guid id, PeopleService people, PersonRecord record, CurrentActor me, CancellationToken ct) =>
            {
                if (await people.OpenAsync(me.Actor, id, "Chronology (API)", ct) is null) return ApiResults.NotFound("person");
                return Results.Ok(await record.ChronologyAsync(id, 500, ct));
            })
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A person's chronology, newest first");

        api.MapGet("/{id:guid}/access-history", async (Guid id, long? before, PeopleService people, SafeguardDbContext db, CurrentActor me, CancellationToken ct) =>
            {
                if (await people.OpenAsync(me.Actor, id, "Access history (API)", ct) is null) return ApiResults.NotFound("person");
                return Results.Ok(await AccessHistory.ForPersonAsync(db, id, before, ct));
            })
            .RequireAuthorization(Capabilities.ViewAccessHistory)
            .WithSummary("Who viewed and changed the record, newest first; pass ?before= the last sequence for the next page");

        api.MapPost("", (PersonInput input, PeopleService people, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var p = await people.AddAsync(me.Actor, input.Details, input.Address, ct);
                    return Results.Created($"/api/people/{p.Id}", new { p.Id, p.SafeguardId, p.Version });
                }))
            .RequireAuthorization(Capabilities.AddPerson)
            .WithSummary("Add a person (check /possible-duplicates first)");

        api.MapPut("/{id:guid}", (Guid id, PersonUpdate input, PeopleService people, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var p = await people.UpdateAsync(me.Actor, id, input.Version, input.Details, ct);
                    return p is null ? ApiResults.NotFound("person") : Results.Ok(new { p.Id, p.SafeguardId, p.Version });
                }))
            .RequireAuthorization(Capabilities.EditPerson)
            .WithSummary("Change a person's details; send the version you read, or get 409 if someone changed it since");

        api.MapPost("/{id:guid}/relationships", (Guid id, RelationshipInput input, PeopleService people, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var r = await people.AddRelationshipAsync(me.Actor, id, input.RelatedPersonId, input.Type, input.ParentalResponsibility, input.From, ct);
                    return r is null ? ApiResults.NotFound("person") : Results.Created($"/api/people/{id}", new { r.Id });
                }))
            .RequireAuthorization(Capabilities.AddPerson)
            .WithSummary("Record how this person is related to another: Type reads \"this person is TYPE of the related person\"");

        api.MapPost("/{id:guid}/addresses", (Guid id, NewAddress input, PeopleService people, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var a = await people.AddAddressAsync(me.Actor, id, input, ct);
                    return a is null ? ApiResults.NotFound("person") : Results.Created($"/api/people/{id}", new { a.Id });
                }))
            .RequireAuthorization(Capabilities.AddPerson)
            .WithSummary("Record a new address; the previous current address ends the day before");
    }
}
