using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>The MASH's work from the command line: assign, rate, ask a partner agency, decide. Each acts as --as.</summary>
public static class MashCommands
{
    public static Command Build(IReadOnlyDictionary<string, string?>? settings) =>
        FrontDoorCommands.WithDatabase(new Command("mash", "Work MASH cases: assign, rate, ask partner agencies, decide.")
        {
            Assign(settings), Rate(settings), Request(settings), Decide(settings),
        });

    private static Argument<string> CaseArgument() => new("case") { Description = "The MASH case's id, or its contact's reference (C-0000123)" };

    /// <summary>The case's id and current version, from its id or its contact's reference.</summary>
    private static async Task<(int Id, Guid Version)?> CaseAsync(Context c, string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var cases = c.Db.MashCases.AsQueryable();
        if (t.StartsWith('C') && int.TryParse(t.TrimStart('C', '-'), CultureInfo.InvariantCulture, out var number)) cases = cases.Where(m => m.Contact.Number == number);
        else if (int.TryParse(t, CultureInfo.InvariantCulture, out var id)) cases = cases.Where(m => m.Id == id);
        else return null;
        var found = await cases.Select(m => new { m.Id, m.Version }).FirstOrDefaultAsync(c.Ct);
        return found is null ? null : (found.Id, found.Version);
    }

    private static int NotFound(Context c)
    {
        c.Error.WriteLine("No such MASH case, or you may not see it.");
        return 1;
    }

    private static Command Assign(IReadOnlyDictionary<string, string?>? settings)
    {
        var caseArgument = CaseArgument();
        var worker = new Option<string?>("--worker") { Description = "The MASH worker's email (MASH managers only); yourself if not given" };
        var assign = new Command("assign", "Take a MASH case, or give it to a member of the MASH.") { caseArgument, worker };
        assign.SetAction((parse, ct) => RunAsync(parse, Capabilities.WorkMashCase, settings, async c =>
        {
            var workerId = c.Actor.UserId;
            if (parse.GetValue(worker) is { } email)
            {
                var normalized = email.Trim().ToUpperInvariant();
                workerId = await c.Db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(c.Ct)
                    ?? throw Refuse.Invalid("--worker", $"No user has the email address {email}");
            }
            if (await CaseAsync(c, parse.GetRequiredValue(caseArgument)) is not { } found) return NotFound(c);
            var mash = await c.Get<MashService>().AssignAsync(c.Actor, found.Id, found.Version, workerId, c.Ct);
            if (mash is null) return NotFound(c);
            c.Output.WriteLine($"MASH case {mash.Id} is now {mash.WorkerName}'s.");
            return 0;
        }, ct));
        return assign;
    }

    private static Command Rate(IReadOnlyDictionary<string, string?>? settings)
    {
        var caseArgument = CaseArgument();
        var rating = new Option<Rag>("--rating") { Description = "The RAG rating", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (needed to re-rate: the initial rating stays beside it)" };
        var rate = new Command("rate", "RAG-rate a MASH case, or re-rate it with a reason.") { caseArgument, rating, reason };
        rate.SetAction((parse, ct) => RunAsync(parse, Capabilities.WorkMashCase, settings, async c =>
        {
            if (await CaseAsync(c, parse.GetRequiredValue(caseArgument)) is not { } found) return NotFound(c);
            var mash = await c.Get<MashService>().RateAsync(c.Actor, found.Id, found.Version, parse.GetValue(rating), parse.GetValue(reason), c.Ct);
            if (mash is null) return NotFound(c);
            c.Output.WriteLine($"MASH case {mash.Id} rated {Rags.Label(mash.CurrentRag!.Value).ToLowerInvariant()}: the decision is due at {Uk(mash.DueAtUtc)}.");
            return 0;
        }, ct));
        return rate;
    }

    private static Command Request(IReadOnlyDictionary<string, string?>? settings)
    {
        var caseArgument = CaseArgument();
        var agency = new Option<string>("--agency") { Description = "The partner agency, by name", Required = true };
        var question = new Option<string>("--question") { Description = "What you are asking", Required = true };
        var request = new Command("request", "Ask a partner agency what it knows about the case's children.") { caseArgument, agency, question };
        request.SetAction((parse, ct) => RunAsync(parse, Capabilities.WorkMashCase, settings, async c =>
        {
            var agencyId = await AgencyAsync(c, parse.GetRequiredValue(agency), "--agency");
            if (await CaseAsync(c, parse.GetRequiredValue(caseArgument)) is not { } found) return NotFound(c);
            var sent = await c.Get<MashService>().RequestAsync(c.Actor, found.Id, agencyId, parse.GetRequiredValue(question), c.Ct);
            if (sent is null) return NotFound(c);
            c.Output.WriteLine($"Asked {parse.GetRequiredValue(agency)} (request {sent.Id}): the answer is due at {Uk(sent.DueAtUtc)}.");
            return 0;
        }, ct));
        return request;
    }

    private static Command Decide(IReadOnlyDictionary<string, string?>? settings)
    {
        var caseArgument = CaseArgument();
        var outcome = new Option<MashOutcome>("--outcome") { Description = "The decision", Required = true };
        var rationale = new Option<string>("--rationale") { Description = "The rationale for it", Required = true };
        var team = new Option<string?>("--team") { Description = "The team that takes it on, by name (early help defaults to the early help team)" };
        var need = new Option<string?>("--primary-need") { Description = "The child's primary need code (N1...N9, N0; default N0)" };
        var counts = new Option<bool?>("--counts-as-referral") { Description = "For no further action: whether the DfE counts it as a referral (default: yes if rated amber or red)" };
        var decide = new Command("decide", "The MASH manager's decision on a case, with the rationale.") { caseArgument, outcome, rationale, team, need, counts };
        decide.SetAction((parse, ct) => RunAsync(parse, Capabilities.DecideMashCase, settings, async c =>
        {
            int? teamId = parse.GetValue(team) is { } name ? await TeamAsync(c, name, "--team") : null;
            if (await CaseAsync(c, parse.GetRequiredValue(caseArgument)) is not { } found) return NotFound(c);
            var decision = new MashService.Decision(parse.GetValue(outcome), parse.GetRequiredValue(rationale), teamId, parse.GetValue(need), parse.GetValue(counts));
            var mash = await c.Get<MashService>().DecideAsync(c.Actor, found.Id, found.Version, decision, c.Ct);
            if (mash is null) return NotFound(c);
            c.Output.WriteLine($"MASH case {mash.Id} decided: {MashCase.Label(decision.Outcome)}.");
            return 0;
        }, ct));
        return decide;
    }
}
