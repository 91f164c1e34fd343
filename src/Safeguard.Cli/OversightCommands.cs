using System.CommandLine;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// Management oversight from the command line: recording a manager's oversight of a child with its actions, and
/// completing or following up an action. Each acts as --as.
/// </summary>
public static class OversightCommands
{
    public static IEnumerable<Command> Build(IReadOnlyDictionary<string, string?>? settings = null) =>
    [
        FrontDoorCommands.WithDatabase(new Command("oversight", "Management oversight of a child's case.") { Add(settings) }),
        FrontDoorCommands.WithDatabase(new Command("actions", "Actions set by management oversight: complete or follow up.") { Complete(settings), FollowUp(settings) }),
    ];

    private static Command Add(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = new Argument<string>("child") { Description = "The child's Safeguard ID (SG-0001234)" };
        var decision = new Option<string>("--decision") { Description = "Your decision or direction", Required = true };
        var rationale = new Option<string>("--rationale") { Description = "Why: the reasons for the decision", Required = true };
        var date = new Option<string?>("--date") { Description = "The date of the oversight (yyyy-mm-dd); today if not given" };
        var action = new Option<string[]>("--action")
        {
            Description = "An action as \"what|owner's email|due date (yyyy-mm-dd)\"; repeat for more", AllowMultipleArgumentsPerToken = false,
        };
        var add = new Command("add", "Record management oversight of a child whose case is open to your team.") { child, decision, rationale, date, action };
        add.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordOversight, settings, async c =>
        {
            var personId = await PersonIdAsync(c, parse.GetRequiredValue(child));
            if (personId is null)
            {
                c.Error.WriteLine("No child with that Safeguard ID has a case you can open.");
                return 1;
            }
            DateOnly? on = parse.GetValue(date) is { } text ? OversightService.ParseDueDate(text, "--date", "the oversight") : null;
            var actions = new List<OversightService.ActionInput>();
            var given = parse.GetValue(action) ?? [];
            for (var i = 0; i < given.Length; i++)
            {
                var parts = given[i].Split('|');
                if (parts.Length != 3) throw Refuse.Invalid("--action", $"Write action {i + 1} as \"what|owner's email|due date\"");
                var email = parts[1].Trim().ToUpperInvariant();
                var ownerId = await c.Db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(c.Ct)
                    ?? throw Refuse.Invalid("--action", $"No user has the email address {parts[1].Trim()}");
                actions.Add(new(parts[0], ownerId, OversightService.ParseDueDate(parts[2], "--action", $"action {i + 1}")));
            }
            var today = DateOnly.FromDateTime(Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
            var saved = await Options(() => c.Get<OversightService>().RecordAsync(c.Actor, personId.Value,
                new OversightService.Input(on ?? today, parse.GetValue(decision), parse.GetValue(rationale), actions), c.Ct));
            if (saved is null)
            {
                c.Error.WriteLine("No child with that Safeguard ID has a case you can open.");
                return 1;
            }
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Management oversight {saved.Id} recorded for {parse.GetRequiredValue(child).Trim().ToUpperInvariant()}, with {saved.Actions.Count} action(s): {string.Join(", ", saved.Actions.Select(a => a.Id))}."));
            return 0;
        }, ct));
        return add;
    }

    private static Command Complete(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = new Argument<int>("action") { Description = "The action's number (as on its page, /actions/{number})" };
        var note = new Option<string>("--note") { Description = "What was done", Required = true };
        var complete = new Command("complete", "Mark an action done today, saying what was done (its owner, or a manager).") { id, note };
        complete.SetAction((parse, ct) => RunAsync(parse, Capabilities.ViewChildRecord, settings, async c =>
        {
            var actionId = parse.GetValue(id);
            var version = await c.Db.OversightActions.Where(a => a.Id == actionId).Select(a => (Guid?)a.Version).FirstOrDefaultAsync(c.Ct);
            var done = version is null ? null : await Options(() => c.Get<OversightService>().CompleteAsync(c.Actor, actionId, version.Value, parse.GetValue(note), c.Ct));
            if (done is null)
            {
                c.Error.WriteLine("No action with that number is on a case you can open.");
                return 1;
            }
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Action {actionId} is done ({done.CompletedOn:yyyy-MM-dd})."));
            return 0;
        }, ct));
        return complete;
    }

    private static Command FollowUp(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = new Argument<int>("action") { Description = "The action's number (as on its page, /actions/{number})" };
        var note = new Option<string>("--note") { Description = "Your follow-up: what you asked of the owner, and why it was missed", Required = true };
        var due = new Option<string>("--due") { Description = "The new due date (yyyy-mm-dd), today or later", Required = true };
        var followUp = new Command("follow-up", "Follow up a missed action with a note and a new due date (a manager).") { id, note, due };
        followUp.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordOversight, settings, async c =>
        {
            var actionId = parse.GetValue(id);
            var newDue = OversightService.ParseDueDate(parse.GetValue(due), "--due", "the action");
            var version = await c.Db.OversightActions.Where(a => a.Id == actionId).Select(a => (Guid?)a.Version).FirstOrDefaultAsync(c.Ct);
            var moved = version is null ? null : await Options(() => c.Get<OversightService>().FollowUpAsync(c.Actor, actionId, version.Value, parse.GetValue(note), newDue, c.Ct));
            if (moved is null)
            {
                c.Error.WriteLine("No action with that number is on a case you can open.");
                return 1;
            }
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Action {actionId} followed up: now due {moved.DueDate:yyyy-MM-dd} (first due {moved.OriginalDueDate:yyyy-MM-dd})."));
            return 0;
        }, ct));
        return followUp;
    }

    /// <summary>Names the service's fields as the options that set them, so a message says what to change.</summary>
    private static async Task<T> Options<T>(Func<Task<T>> work)
    {
        try { return await work(); }
        catch (ValidationException ex)
        {
            throw new ValidationException(ex.Errors.Select(e => new ValidationFailure(Option(e.PropertyName), e.ErrorMessage)).ToList());
        }
    }

    private static string Option(string field) => field switch
    {
        "Decision" => "--decision",
        "Rationale" => "--rationale",
        "RecordedOn" => "--date",
        "Note" => "--note",
        "DueDate" => "--due",
        _ when field.StartsWith("Actions[", StringComparison.Ordinal) => "--action",
        _ => field,
    };
}
