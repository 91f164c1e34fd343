using Safeguard.Core.Access;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>User administration as JSON, for administrators only.</summary>
public static class UsersApi
{
    public sealed record NewUser(string Email, string DisplayName, string? JobTitle, int? TeamId, int? AgencyId, IReadOnlyList<string> Roles, string Password);
    public sealed record UserChange(string Email, string DisplayName, string? JobTitle, int? TeamId, int? AgencyId, IReadOnlyList<string> Roles, bool IsActive);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Capabilities.ManageUsers);

        api.MapGet("", async (string? filter, StaffAdministration admin, CancellationToken ct) => Results.Ok(await admin.ListAsync(filter, ct)))
            .WithSummary("Users, filtered by name or email");

        api.MapPost("", (NewUser input, StaffAdministration admin, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var user = await admin.CreateAsync(me.Actor,
                        new StaffInput(input.Email, input.DisplayName, input.JobTitle, input.TeamId, input.AgencyId, input.Roles ?? []), input.Password ?? "", ct);
                    return Results.Created($"/api/users/{user.Id}", new { user.Id, user.Email });
                }))
            .WithSummary("Add a user with roles, a team or a partner agency, and a first password");

        api.MapPut("/{id}", (string id, UserChange input, StaffAdministration admin, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var found = await admin.UpdateAsync(me.Actor, id,
                        new StaffInput(input.Email, input.DisplayName, input.JobTitle, input.TeamId, input.AgencyId, input.Roles ?? []), input.IsActive, ct);
                    return found ? Results.NoContent() : ApiResults.NotFound("user");
                }))
            .WithSummary("Change a user's details, roles, team or agency, or deactivate them");
    }
}
