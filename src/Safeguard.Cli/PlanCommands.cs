using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// Child in need plans from the command line: each command works on the child's current plan (the one not ended),
/// as it is now, acting as --as. Due dates are checked as typed: "ongoing" is refused.
/// </summary>
public static class PlanCommands
{
    private static readonly Argument<string> Child = new("child") { Description = "The child's Safeguard ID (SG-0001234)" };

    public static Command Build(IReadOnlyDictionary<string, string?>? settings = null) =>
        FrontDoorCommands.WithDatabase(new Command("plans", "Child in need plans: start, add actions, send to the manager, authorise or return, record a review.")
        {
            Create(settings), AddAction(settings), Submit(settings), Decide(settings, approve: true), Decide(settings, approve: false), Meeting(settings),
        });

    private static Command Create(IReadOnlyDictionary<string, string?>? settings)
    {
        var start = new Option<string?>("--start") { Description = "The plan's start date (yyyy-mm-dd); today if not given" };
        var aims = new Option<string?>("--aims") { Description = "The plan's aims" };
        var command = new Command("create", "Start a child in need plan (a draft) on the child's open referral.") { Child, start, aims };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.PlanForChild, settings, async c =>
        {
            var child = await ChildAsync(c, parse);
            var startDate = parse.GetValue(start) is { } s ? ParseDate(s, "--start") : (DateOnly?)null;
            var plan = await c.Get<ChildInNeedPlanService>().StartAsync(c.Actor, child, startDate, parse.GetValue(aims), c.Ct);
            return Done(c, plan, p => $"Plan {p.Id} started from {p.StartDate:d MMMM yyyy} (a draft).");
        }, ct));
        return command;
    }

    private static Command AddAction(IReadOnlyDictionary<string, string?>? settings)
    {
        var text = new Option<string>("--text") { Description = "What will be done", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who will do it, if not a member of staff (for example \"Mother\")" };
        var ownerEmail = new Option<string?>("--owner-email") { Description = "The email of the member of the child's team who will do it" };
        var due = new Option<string>("--due") { Description = "The date by which it will be done (yyyy-mm-dd): a real date", Required = true };
        var command = new Command("add-action", "Add an action to the child's plan (a draft, or an active plan as an amendment).") { Child, text, owner, ownerEmail, due };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.PlanForChild, settings, async c =>
        {
            var (child, plan) = await PlanAsync(c, parse);
            string? ownerId = null;
            if (parse.GetValue(ownerEmail) is { } email)
                ownerId = await c.Db.Users.Where(u => u.NormalizedEmail == email.Trim().ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(c.Ct)
                    ?? throw Refuse.Invalid("--owner-email", $"No user has the email address {email}");
            ChildInNeedPlan? changed;
            try
            {
                changed = await c.Get<ChildInNeedPlanService>().AddActionsAsync(c.Actor, child, plan.Id, plan.Version,
                    [new(parse.GetRequiredValue(text), parse.GetValue(owner), ownerId, parse.GetRequiredValue(due))], c.Ct);
            }
            catch (FluentValidation.ValidationException ex)
            {
                // The service names the first row's fields; say which option to change.
                throw new FluentValidation.ValidationException(ex.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                    e.PropertyName.Replace("Actions[0].", "", StringComparison.Ordinal) switch
                    {
                        "DueDate" => "--due", "Text" => "--text", "OwnerName" => "--owner", "OwnerUserId" => "--owner-email", var other => other,
                    }, e.ErrorMessage)));
            }
            return Done(c, changed, p => $"Action added to plan {p.Id}.");
        }, ct));
        return command;
    }

    private static Command Submit(IReadOnlyDictionary<string, string?>? settings)
    {
        var command = new Command("submit", "Send the child's draft plan to the manager for authorisation.") { Child };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.PlanForChild, settings, async c =>
        {
            var (child, plan) = await PlanAsync(c, parse);
            var changed = await c.Get<ChildInNeedPlanService>().SubmitAsync(c.Actor, child, plan.Id, plan.Version, c.Ct);
            return Done(c, changed, p => $"Plan {p.Id} sent to the manager.");
        }, ct));
        return command;
    }

    private static Command Decide(IReadOnlyDictionary<string, string?>? settings, bool approve)
    {
        var reason = new Option<string>("--reason") { Description = approve ? "Why you authorise it" : "What needs to change", Required = true };
        var command = new Command(approve ? "authorise" : "return", approve ? "Authorise the child's plan (a manager, not its author)." : "Send the child's plan back to the worker, with the reason.")
            { Child, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.AuthoriseWork, settings, async c =>
        {
            var (child, plan) = await PlanAsync(c, parse);
            var changed = await c.Get<ChildInNeedPlanService>().AuthoriseAsync(c.Actor, child, plan.Id, plan.Version, approve, parse.GetRequiredValue(reason), c.Ct);
            return Done(c, changed, p => approve
                ? $"Plan {p.Id} authorised; first review due by {p.Meetings.Where(m => m.HeldOn == null).Min(m => m.DueDate):d MMMM yyyy}."
                : $"Plan {p.Id} returned to {p.CreatedByName}.");
        }, ct));
        return command;
    }

    private static Command Meeting(IReadOnlyDictionary<string, string?>? settings)
    {
        var heldOn = new Option<string>("--held-on") { Description = "The date it was held (yyyy-mm-dd)", Required = true };
        var attendees = new Option<string>("--attendees") { Description = "Who came", Required = true };
        var minutes = new Option<string>("--minutes") { Description = "The minutes", Required = true };
        var decision = new Option<string>("--decision") { Description = "What the meeting decided", Required = true };
        var progress = new Option<string[]>("--progress")
        {
            Description = "Progress on each open action, in the order listed on the plan (by due date): STATUS:text, STATUS one of NotStarted, InProgress, Done, NoLongerNeeded",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("meeting", "Record the review that is due on the child's active plan; the next is scheduled.") { Child, heldOn, attendees, minutes, decision, progress };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.PlanForChild, settings, async c =>
        {
            var (child, plan) = await PlanAsync(c, parse);
            var review = plan.Meetings.Where(m => m.HeldOn == null).OrderBy(m => m.DueDate).FirstOrDefault()
                ?? throw Refuse.Invalid("--held-on", "The plan has no review due: it is not active");
            var open = plan.Actions.Where(a => ChildInNeedPlanService.IsOpen(a.Status)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
            var given = parse.GetValue(progress) ?? [];
            var rows = new List<ChildInNeedPlanService.ProgressInput>();
            for (var i = 0; i < Math.Min(given.Length, open.Count); i++)
            {
                var parts = given[i].Split(':', 2);
                var status = Enum.TryParse<PlanActionStatus>(parts[0].Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (PlanActionStatus?)null;
                rows.Add(new(open[i].Id, status, parts.Length > 1 ? parts[1] : null));
            }
            var held = await c.Get<ChildInNeedPlanService>().HoldMeetingAsync(c.Actor, child, plan.Id, review.Id, review.Version,
                new(ParseDate(parse.GetRequiredValue(heldOn), "--held-on"), parse.GetRequiredValue(attendees), parse.GetRequiredValue(minutes),
                    parse.GetRequiredValue(decision), rows), c.Ct);
            if (held is null) return NotFound(c);
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Review recorded for plan {plan.Id}, held on {held.HeldOn:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    private static async Task<Guid> ChildAsync(Context c, ParseResult parse)
    {
        return await PersonIdAsync(c, parse.GetRequiredValue(Child))
            ?? throw Refuse.Invalid("child", $"No child has the Safeguard ID {parse.GetRequiredValue(Child)}");
    }

    private static async Task<(Guid Child, ChildInNeedPlan Plan)> PlanAsync(Context c, ParseResult parse)
    {
        var child = await ChildAsync(c, parse);
        var id = await c.Db.ChildInNeedPlans.Where(p => p.PersonId == child && p.Stage != PlanStage.Ended).OrderByDescending(p => p.Id)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(c.Ct) ?? throw Refuse.Invalid("child", "The child has no child in need plan");
        var plan = await c.Get<ChildInNeedPlanService>().OpenAsync(c.Actor, child, id, c.Ct) ?? throw Refuse.Invalid("child", "The child has no child in need plan you may open");
        return (child, plan);
    }

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw Refuse.Invalid(option, $"'{text}' is not a date: write it as yyyy-mm-dd");

    private static int Done(Context c, ChildInNeedPlan? plan, Func<ChildInNeedPlan, string> message)
    {
        if (plan is null) return NotFound(c);
        c.Output.WriteLine(message(plan).ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static int NotFound(Context c)
    {
        c.Error.WriteLine("That child's case is not open to your team.");
        return 1;
    }
}
