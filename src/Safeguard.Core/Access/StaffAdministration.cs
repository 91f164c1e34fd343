using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;

namespace Safeguard.Core.Access;

public sealed record StaffInput(string Email, string DisplayName, string? JobTitle, int? TeamId, int? AgencyId, IReadOnlyList<string> Roles);

public sealed record StaffSummary(string Id, string Email, string DisplayName, string? JobTitle, string? Team, string? Agency,
    IReadOnlyList<string> Roles, bool IsActive, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil);

/// <summary>Administrators add people, change their roles, team and agency, and deactivate leavers. Every change is in the access log.</summary>
public sealed class StaffAdministration(SafeguardDbContext db, UserManager<StaffUser> users, AccessLogAppender appender, TimeProvider clock)
{
    public async Task<List<StaffSummary>> ListAsync(string? filter, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var f = filter.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(f) || u.DisplayName.ToUpper().Contains(f));
        }
        var rows = await q.OrderBy(u => u.DisplayName).Take(500)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.JobTitle, Team = u.Team!.Name, Agency = u.Agency!.Name, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return rows.Select(r => new StaffSummary(r.Id, r.Email ?? "", r.DisplayName, r.JobTitle, r.Team, r.Agency,
            roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order().ToList(), r.IsActive, r.TwoFactorEnabled,
            r.LockoutEnd > clock.GetUtcNow() ? r.LockoutEnd : null)).ToList();
    }

    /// <summary>Creates an account. The password is set by the administrator and must be changed... or, with OpenID Connect, not used at all.</summary>
    public async Task<StaffUser> CreateAsync(Actor actor, StaffInput input, string password, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ManageUsers);
        await ValidateAsync(input, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new StaffUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, DisplayName = input.DisplayName.Trim(),
            JobTitle = input.JobTitle?.Trim(), TeamId = input.TeamId, AgencyId = input.AgencyId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password), "Password");
        Check(await users.AddToRolesAsync(user, input.Roles), "Roles");
        await LogAsync(actor, $"User added: {user.Email}", new { user.Email, user.DisplayName, input.TeamId, input.AgencyId, input.Roles }, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<bool> UpdateAsync(Actor actor, string userId, StaffInput input, bool isActive, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ManageUsers);
        await ValidateAsync(input, ct, userId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        if (user.Id == actor.UserId && (!isActive || !input.Roles.Contains(Roles.Administrator)))
            throw Refuse.Invalid("Roles", "You cannot remove your own administrator role or deactivate yourself: ask another administrator");
        var before = new { user.Email, user.DisplayName, user.JobTitle, user.TeamId, user.AgencyId, Roles = (await users.GetRolesAsync(user)).Order().ToList(), user.IsActive };
        user.Email = user.UserName = input.Email.Trim();
        user.DisplayName = input.DisplayName.Trim();
        user.JobTitle = input.JobTitle?.Trim();
        user.TeamId = input.TeamId;
        user.AgencyId = input.AgencyId;
        user.IsActive = isActive;
        Check(await users.UpdateAsync(user), "Email");
        Check(await users.RemoveFromRolesAsync(user, before.Roles.Except(input.Roles)), "Roles");
        Check(await users.AddToRolesAsync(user, input.Roles.Except(before.Roles)), "Roles");
        // A changed role or a deactivation takes effect at once: the security stamp signs the person out everywhere.
        await users.UpdateSecurityStampAsync(user);
        var after = new { user.Email, user.DisplayName, user.JobTitle, user.TeamId, user.AgencyId, Roles = input.Roles.Order().ToList(), user.IsActive };
        await LogAsync(actor, $"User changed: {user.Email}", new { before, after }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>For a lost phone: the person must set up their authenticator app again at their next sign-in.</summary>
    public async Task<bool> ResetTwoFactorAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ManageUsers);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await LogAsync(actor, $"Two-factor reset: {user.Email}", new { user.Email }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task LogAsync(Actor actor, string what, object changes, CancellationToken ct) =>
        await appender.AppendAsync(db, [AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.UserChanged, null, what, JsonSerializer.Serialize(changes))], ct);

    private async Task ValidateAsync(StaffInput input, CancellationToken ct, string? userId = null)
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
            errors.Add(new(nameof(input.Email), "Enter an email address in the correct format, like name@example.gov.uk"));
        else if (await db.Users.AnyAsync(u => u.NormalizedEmail == input.Email.Trim().ToUpperInvariant() && u.Id != userId, ct))
            errors.Add(new(nameof(input.Email), "Someone already has an account with this email address"));
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add(new(nameof(input.DisplayName), "Enter the person's name"));
        if (input.Roles.Count == 0) errors.Add(new(nameof(input.Roles), "Select at least one role"));
        if (input.Roles.Any(r => !Roles.IsKnown(r))) errors.Add(new(nameof(input.Roles), "Select roles from the list"));
        var partner = input.Roles.Contains(Roles.PartnerAgencyUser);
        if (partner && input.AgencyId is null) errors.Add(new(nameof(input.AgencyId), "Select the partner agency this person works for"));
        if (partner && input.Roles.Count > 1) errors.Add(new(nameof(input.Roles), "A partner agency user cannot also hold a council role"));
        if (!partner && input.AgencyId is not null) errors.Add(new(nameof(input.AgencyId), "Only partner agency users belong to an agency"));
        if (input.TeamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct)) errors.Add(new(nameof(input.TeamId), "Select a team from the list"));
        if (input.AgencyId is { } a && !await db.Agencies.AnyAsync(x => x.Id == a, ct)) errors.Add(new(nameof(input.AgencyId), "Select an agency from the list"));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw new ValidationException(result.Errors.Select(e => new ValidationFailure(field, e.Description)));
    }

}
