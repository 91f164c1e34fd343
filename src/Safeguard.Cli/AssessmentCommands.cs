using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// Child and family assessments from the command line: start one, show where it is, send it to the manager from a
/// JSON file of its fields, and authorise it or send it back. Each acts as --as, with the same rules as the pages.
/// </summary>
public static class AssessmentCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The fields of an assessment file: the same names as the API's.</summary>
    public sealed record Fields(DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, List<string>? FactorCodes, string? Analysis,
        string? ChildViews, string? FamilyViews, AssessmentOutcome? Outcome, string? PrimaryNeedCode, string? LateReason);

    public static Command Build(IReadOnlyDictionary<string, string?>? settings = null) =>
        FrontDoorCommands.WithDatabase(new Command("assessments", "Child and family assessments: start, show, send to the manager, authorise.")
        {
            Start(settings), Show(settings), Submit(settings), Authorise(settings),
        });

    private static Argument<string> Child() => new("child") { Description = "The child's Safeguard ID (SG-0001234)" };

    private static Command Start(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var on = new Option<string?>("--on") { Description = "The day it started (yyyy-mm-dd); today if not given" };
        var command = new Command("start", "Start an assessment on the child's open referral.") { child, on };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.AssessChild, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } personId) return 1;
            DateOnly? start = null;
            if (parse.GetValue(on) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw Refuse.Invalid("StartDate", $"'{text}' is not a date: give it as yyyy-mm-dd");
                start = d;
            }
            var a = await c.Get<AssessmentService>().StartAsync(c.Actor, personId, start, c.Ct);
            if (a is null) return NotYours(c);
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Assessment {a.Id} started {a.StartDate:yyyy-MM-dd}: the child to be seen by {a.ChildSeenDueDate:yyyy-MM-dd}, authorised by {a.DueDate:yyyy-MM-dd}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command Show(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var command = new Command("show", "Show the child's latest assessment: where it is and its dates.") { child };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ViewChildRecord, settings, async c =>
        {
            if (await LatestAsync(c, parse.GetRequiredValue(child)) is not { } a) return 1;
            var seen = a.ChildSeenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not yet";
            var authorised = a.AuthorisedOn is { } on ? string.Create(CultureInfo.InvariantCulture, $", authorised {on:yyyy-MM-dd} by {a.AuthorisedByName}") : "";
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Assessment {a.Id}: {a.Stage}, by {a.WorkerName}; started {a.StartDate:yyyy-MM-dd}, child seen {seen} (due {a.ChildSeenDueDate:yyyy-MM-dd}), due {a.DueDate:yyyy-MM-dd}{authorised}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command Submit(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var from = new Option<FileInfo>("--from") { Description = "A JSON file of the assessment's fields (as the API takes them: childSeenOn, analysis, outcome...)", Required = true };
        var command = new Command("submit", "Save the child's assessment in progress from a file and send it to the manager.") { child, from };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.AssessChild, settings, async c =>
        {
            if (await LatestAsync(c, parse.GetRequiredValue(child)) is not { } a) return 1;
            Fields fields;
            try { fields = JsonSerializer.Deserialize<Fields>(await File.ReadAllTextAsync(parse.GetRequiredValue(from).FullName, c.Ct), JsonOptions)!; }
            catch (Exception e) when (e is JsonException or IOException)
            {
                c.Error.WriteLine($"--from: the file could not be read as an assessment: {e.Message}");
                return 1;
            }
            var draft = new AssessmentService.Draft(fields.ChildSeenOn, fields.ChildSeenAloneOn, fields.NotSeenAloneReason, fields.FactorCodes ?? [], fields.Analysis,
                fields.ChildViews, fields.FamilyViews, fields.Outcome, fields.PrimaryNeedCode, fields.LateReason);
            if (await c.Get<AssessmentService>().SubmitAsync(c.Actor, a.Id, a.Version, draft, c.Ct) is null) return NotYours(c);
            c.Output.WriteLine($"Assessment {a.Id} is with the manager for authorisation.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Authorise(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var reason = new Option<string>("--reason") { Description = "Why you authorise it, or what needs to change", Required = true };
        var sendBack = new Option<bool>("--return") { Description = "Send it back to the worker instead of authorising it" };
        var command = new Command("authorise", "Authorise the child's assessment waiting for a manager, or send it back (--return).") { child, reason, sendBack };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.AuthoriseWork, settings, async c =>
        {
            if (await LatestAsync(c, parse.GetRequiredValue(child)) is not { } a) return 1;
            var approve = !parse.GetValue(sendBack);
            var done = await c.Get<AssessmentService>().AuthoriseAsync(c.Actor, a.Id, a.Version, approve, parse.GetRequiredValue(reason), c.Ct);
            if (done is null) return NotYours(c);
            c.Output.WriteLine(approve ? string.Create(CultureInfo.InvariantCulture, $"Assessment {a.Id} is authorised ({done.AuthorisedOn:yyyy-MM-dd}).") : $"Assessment {a.Id} is sent back to {a.WorkerName}.");
            return 0;
        }, ct));
        return command;
    }

    private static async Task<Guid?> ChildAsync(Context c, string safeguardId)
    {
        var id = await PersonIdAsync(c, safeguardId);
        if (id is null) c.Error.WriteLine($"No child has the Safeguard ID {safeguardId}.");
        return id;
    }

    private static async Task<Assessment?> LatestAsync(Context c, string safeguardId)
    {
        if (await ChildAsync(c, safeguardId) is not { } personId) return null;
        var service = c.Get<AssessmentService>();
        var latest = (await service.ForChildAsync(personId, c.Ct)).FirstOrDefault();
        var opened = latest is null ? null : await service.OpenAsync(c.Actor, latest.Id, c.Ct);
        if (opened is null) c.Error.WriteLine("That child has no assessment you can open: their case is with another team, or none has started.");
        return opened;
    }

    private static int NotYours(Context c)
    {
        c.Error.WriteLine("That child's case is not open to your team.");
        return 1;
    }
}
