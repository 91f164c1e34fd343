using System.CommandLine;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// `safeguard cases close|step-down|sign-off|step-up`: a worker proposes closing or stepping down a child's case, a
/// manager signs it off or sends it back, and a manager steps a child up from early help. Each acts as --as.
/// </summary>
public static class ClosureCommands
{
    public static IEnumerable<Command> Build(IReadOnlyDictionary<string, string?>? settings) =>
        [Close(settings), StepDown(settings), SignOff(settings), StepUp(settings)];

    private static Argument<string> Child() => new("child") { Description = "The child's Safeguard ID (SG-0001234)" };

    private static Command Close(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var code = new Option<string>("--reason-code") { Description = "The census reason for closure, RC1-RC8 (a step down is RC9 or RC7)", Required = true };
        var reasons = new Option<string>("--reasons") { Description = "Why the case can close", Required = true };
        var command = new Command("close", "Propose closing the child's open referral, for a manager's sign-off.") { child, code, reasons };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ProposeClosure, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } id) return NoChild(c);
            var closure = await Mapped(() => c.Get<ClosureService>().ProposeAsync(c.Actor, id,
                new ClosureService.Proposal(ClosureKind.Close, parse.GetRequiredValue(code), parse.GetRequiredValue(reasons), null), c.Ct));
            if (closure is null) return NoChild(c);
            c.Output.WriteLine($"Closure {closure.Id} ({ClosureCodes.Describe(closure.ReasonCode)}) is proposed: it waits for a manager's sign-off.");
            return 0;
        }, ct));
        return command;
    }

    private static Command StepDown(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var team = new Option<string>("--team") { Description = "The name of the early help team that will take the child on", Required = true };
        var reasons = new Option<string>("--reasons") { Description = "Why the child can step down, and what early help will do", Required = true };
        var command = new Command("step-down", "Propose stepping the child's case down to an early help team, for a manager's sign-off.") { child, team, reasons };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ProposeClosure, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } id) return NoChild(c);
            var teamId = await TeamAsync(c, parse.GetRequiredValue(team), "--team");
            var closure = await Mapped(() => c.Get<ClosureService>().ProposeAsync(c.Actor, id,
                new ClosureService.Proposal(ClosureKind.StepDownToEarlyHelp, null, parse.GetRequiredValue(reasons), teamId), c.Ct));
            if (closure is null) return NoChild(c);
            c.Output.WriteLine($"Step down {closure.Id} ({ClosureCodes.Describe(closure.ReasonCode)}) is proposed: it waits for a manager's sign-off.");
            return 0;
        }, ct));
        return command;
    }

    private static Command SignOff(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var sendBack = new Option<bool>("--send-back") { Description = "Send the proposal back to the worker instead of signing it off" };
        var reason = new Option<string>("--reason") { Description = "Your reasons for signing it off, or what must happen first", Required = true };
        var command = new Command("sign-off", "Sign off (or --send-back) the closure or step down waiting for the child.") { child, sendBack, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.AuthoriseWork, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } id) return NoChild(c);
            var waiting = await c.Db.Closures.Where(x => x.PersonId == id && x.Stage == ClosureStage.AwaitingAuthorisation)
                .Select(x => new { x.Id, x.Version }).FirstOrDefaultAsync(c.Ct);
            if (waiting is null)
            {
                c.Error.WriteLine("No closure or step down is waiting for sign-off for that child.");
                return 1;
            }
            var decided = await Mapped(() => c.Get<ClosureService>().AuthoriseAsync(c.Actor, waiting.Id, waiting.Version, !parse.GetValue(sendBack), parse.GetRequiredValue(reason), c.Ct));
            if (decided is null) return NoChild(c);
            c.Output.WriteLine(decided.Stage == ClosureStage.Authorised
                ? $"Signed off: the case {(decided.Kind == ClosureKind.StepDownToEarlyHelp ? "is stepped down to early help" : "is closed")} on {decided.ClosedOn:yyyy-MM-dd}."
                : $"Sent back to {decided.ProposedByName}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command StepUp(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var team = new Option<string>("--team") { Description = "The name of the assessment or child in need team that will assess", Required = true };
        var reasons = new Option<string>("--reasons") { Description = "Why the child needs a social care assessment now", Required = true };
        var command = new Command("step-up", "Step a child open to early help up to a social care assessment (a referral from early help).") { child, team, reasons };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.StepUp, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } id) return NoChild(c);
            var teamId = await TeamAsync(c, parse.GetRequiredValue(team), "--team");
            var done = await Mapped(() => c.Get<ClosureService>().StepUpAsync(c.Actor, id, teamId, parse.GetRequiredValue(reasons), c.Ct));
            if (done is null) return NoChild(c);
            c.Output.WriteLine($"Referred to {done.TeamName} for an assessment (contact {done.ContactReference})"
                + (done.EarlierReferralId is null ? "." : ": a possible repeat referral."));
            return 0;
        }, ct));
        return command;
    }

    private static Task<Guid?> ChildAsync(Context c, string text) => PersonIdAsync(c, text);

    private static int NoChild(Context c)
    {
        c.Error.WriteLine("That child is not found, or their case is not open to your team.");
        return 1;
    }

    /// <summary>Names each refused field by the option that sets it.</summary>
    private static async Task<T> Mapped<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationException ex)
        {
            throw new ValidationException(ex.Errors.Select(e => new FluentValidation.Results.ValidationFailure(e.PropertyName switch
            {
                "ReasonCode" => "--reason-code",
                "Reasons" => "--reasons",
                "Reason" => "--reason",
                "TeamId" or "EarlyHelpTeamId" => "--team",
                _ => e.PropertyName,
            }, e.ErrorMessage)));
        }
    }
}
