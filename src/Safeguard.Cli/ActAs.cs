using System.CommandLine;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary>
/// Commands that change records act as a named user (--as), so the record and the access log say who did it.
/// Exit codes: 0 done; 1 refused as it stands (a value that cannot be read, a rule broken, not found, changed by
/// someone else, an import with problems); 2 it could not run (no such user, no file, no access log key); 3 the
/// user's roles do not allow it.
/// </summary>
public static class ActAs
{
    public static readonly Option<string> Email = new("--as") { Description = "The email address of the user to act as (the record says they did it)", Required = true };

    public sealed record Context(IServiceProvider Services, SafeguardDbContext Db, Actor Actor, TextWriter Output, TextWriter Error, CancellationToken Ct)
    {
        public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    }

    /// <summary>Checks the user may do <paramref name="capability"/>, runs the action, and turns the Core's refusals into messages and exit codes.</summary>
    public static async Task<int> RunAsync(ParseResult parse, string capability, IReadOnlyDictionary<string, string?>? settings,
        Func<Context, Task<int>> action, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var config = CliContext.Configuration(parse, settings);
        await using var services = CliServices.Build(config);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var email = parse.GetRequiredValue(Email);
        var (actor, problem) = await FindAsync(db, email, ct);
        if (actor is null)
        {
            error.WriteLine(problem);
            return 2;
        }
        if (!actor.Can(capability))
        {
            var needs = Capabilities.Get(capability);
            error.WriteLine($"{email} may not do this: \"{needs.Description}\" needs the role of {Labels(needs.Roles, " or ")}, and they are {Labels(actor.Roles, " and ")}.");
            return 3;
        }
        AccessLogWriter writer;
        try { writer = services.GetRequiredService<AccessLogWriter>(); }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);   // no access log key: nothing could be logged, so nothing is done
            return 2;
        }
        await writer.StartAsync(ct);
        try
        {
            return await action(new Context(scope.ServiceProvider, db, actor, output, error, ct));
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
                error.WriteLine(OptionFor(e.PropertyName, parse.CommandResult.Command) is { } option ? $"{option}: {e.ErrorMessage}" : e.ErrorMessage);
            return 1;
        }
        catch (ConcurrencyConflictException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (AccessDeniedException ex)
        {
            error.WriteLine(ex.Message);
            return 3;
        }
        finally
        {
            // Views (contacts show) are queued: write them before the process ends.
            await services.GetRequiredService<AccessLogQueue>().FlushAsync();
            await writer.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The option a service's field name stands for, so a message points at what to change on the command line.</summary>
    private static string? OptionFor(string field, Command command) => field switch
    {
        "PersonId" => null,   // the child is the command's argument: the message says what is wrong with their case
        // A plan starts --start; an assessment (and the rest) --on.
        "StartDate" when command.Options.Any(o => o.Name == "--start") => "--start",
        "ToTeamId" => "--team",
        "PrimaryNeedCode" => "--primary-need",
        "AgencyId" => "--agency",
        "WorkerId" => "--worker",
        "StartDate" => "--on",
        "VisitedOn" => "--date",
        "VisitedById" => "--visitor",
        "ChildSeen" or "ChildSeenAlone" => "--seen",
        "NotSeenReason" => "--reason",
        "LocationDetail" => "--where",
        "Observations" or "Text" or "Type" or "Location" => "--" + field.ToLowerInvariant(),
        "OccurredAtUtc" => "--at",
        "WhoWasSeen" => "--seen",
        "Reason" or "Rationale" or "Outcome" or "Rating" or "Question" or "Answer" => "--" + field.ToLowerInvariant(),
        _ => field,
    };

    private static async Task<(Actor? Actor, string? Problem)> FindAsync(SafeguardDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.IsActive }).FirstOrDefaultAsync(ct);
        if (user is null) return (null, $"No user has the email address {email}.");
        if (!user.IsActive) return (null, $"{email} has been deactivated, so cannot act in Safeguard.");
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return (new Actor(user.Id, user.DisplayName, roles, "cli"), null);
    }

    private static string Labels(IEnumerable<string> roles, string separator)
    {
        var labels = roles.Select(r => Roles.All.FirstOrDefault(a => a.Role == r).Label ?? r).ToList();
        return labels.Count == 0 ? "no role" : string.Join(separator, labels);
    }

    /// <summary>A moment in UK time, as people read it: "14:05 on Friday 20 November 2026".</summary>
    public static string Uk(DateTime utc) =>
        WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("HH:mm 'on' dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The id of a team or an agency by its name (any case), or a message naming the option.</summary>
    /// <summary>The person with this Safeguard ID (SG-0001234), or null when there is none.</summary>
    public static async Task<Guid?> PersonIdAsync(Context c, string safeguardId) =>
        Core.People.Person.ParseNumber(safeguardId.Trim()) is { } number
            ? await c.Db.People.Where(p => p.Number == number).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(c.Ct)
            : null;

    public static async Task<int> TeamAsync(Context c, string name, string option) =>
        await c.Db.Teams.Where(t => t.IsActive && t.Name.ToUpper() == name.Trim().ToUpper()).Select(t => (int?)t.Id).FirstOrDefaultAsync(c.Ct)
            ?? throw Refuse.Invalid(option, $"No active team is called '{name}'");

    public static async Task<int> AgencyAsync(Context c, string name, string option) =>
        await c.Db.Agencies.Where(a => a.IsActive && a.Name.ToUpper() == name.Trim().ToUpper()).Select(a => (int?)a.Id).FirstOrDefaultAsync(c.Ct)
            ?? throw Refuse.Invalid(option, $"No active agency is called '{name}'");
}
