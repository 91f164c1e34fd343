using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>`safeguard visits add` and `safeguard notes add`: recording a visit and writing a case note on a child, as --as.</summary>
public static class VisitCommands
{
    public static IEnumerable<Command> Build(IReadOnlyDictionary<string, string?>? settings = null) =>
    [
        FrontDoorCommands.WithDatabase(new Command("visits", "Visits to a child: record one.") { AddVisit(settings) }),
        FrontDoorCommands.WithDatabase(new Command("notes", "Case notes on a child: write one.") { AddNote(settings) }),
    ];

    private static Argument<string> Child() => new("child") { Description = "The child's Safeguard ID (SG-0001234), open to your team" };

    private static Command AddVisit(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var date = new Option<string>("--date") { Description = "The date of the visit, yyyy-mm-dd (default today)" };
        var visitor = new Option<string>("--visitor") { Description = "The email of whoever visited, if not you (staff of the child's team)" };
        var seen = new Option<string>("--seen") { Description = "Whether the child was seen: yes, alone (seen alone) or no", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the child was not seen, or not seen alone" };
        var location = new Option<VisitLocation>("--location") { Description = "Home, School, Office, FamilyOrFriends, Placement or Other", Required = true };
        var where = new Option<string>("--where") { Description = "Where, when the location is Other" };
        var observations = new Option<string>("--observations") { Description = "What was observed", Required = true };
        var unannounced = new Option<bool>("--unannounced") { Description = "The visit was unannounced" };
        var add = new Command("add", "Record a visit to a child open to your team.") { child, date, visitor, seen, reason, location, where, observations, unannounced };
        add.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordVisit, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } personId) return NotFound(c);
            DateOnly? on = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
            if (parse.GetValue(date) is { } text)
                on = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw Refuse.Invalid("VisitedOn", $"'{text}' is not a date: write it as yyyy-mm-dd");
            string? visitorId = null;
            if (parse.GetValue(visitor) is { } email)
                visitorId = await UserAsync(c, email) ?? throw Refuse.Invalid("VisitedById", $"No user has the email address {email}");
            var (childSeen, alone) = parse.GetRequiredValue(seen).Trim().ToLowerInvariant() switch
            {
                "yes" => ((bool?)true, (bool?)false),
                "alone" => (true, true),
                "no" => (false, false),
                var other => throw Refuse.Invalid("ChildSeen", $"'{other}' is not yes, alone or no"),
            };
            var visit = await c.Get<VisitService>().RecordAsync(c.Actor, personId, new VisitService.NewVisit(on, visitorId, childSeen, alone,
                parse.GetValue(reason), parse.GetRequiredValue(location), parse.GetValue(where), parse.GetRequiredValue(observations), parse.GetValue(unannounced)), c.Ct);
            if (visit is null) return NotFound(c);
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Visit {visit.Id} on {visit.VisitedOn:d MMMM yyyy} recorded."));
            return 0;
        }, ct));
        return add;
    }

    private static Command AddNote(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var type = new Option<CaseNoteType>("--type") { Description = "Telephone, EmailOrLetter, OfficeVisit, DirectWork, ProfessionalsMeeting, ManagementDiscussion or Other", Required = true };
        var at = new Option<string>("--at") { Description = "When it happened, UK time, yyyy-mm-dd HH:mm (default now)" };
        var significant = new Option<bool>("--significant") { Description = "A significant event, marked on the chronology" };
        var seenWho = new Option<string>("--seen") { Description = "Who was seen or spoken to" };
        var text = new Option<string>("--text") { Description = "The note", Required = true };
        var add = new Command("add", "Write a case note on a child open to your team.") { child, type, at, significant, seenWho, text };
        add.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordCaseNote, settings, async c =>
        {
            if (await ChildAsync(c, parse.GetRequiredValue(child)) is not { } personId) return NotFound(c);
            var when = DateTime.UtcNow;
            if (parse.GetValue(at) is { } written)
                when = DateTime.TryParseExact(written, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    ? WorkingDayCalendar.FromUkLocal(local).UtcDateTime
                    : throw Refuse.Invalid("OccurredAtUtc", $"'{written}' is not a time: write it as yyyy-mm-dd HH:mm (UK time)");
            var note = await c.Get<CaseNoteService>().WriteAsync(c.Actor, personId, new CaseNoteService.NoteInput(parse.GetRequiredValue(type), when,
                parse.GetValue(significant), parse.GetValue(seenWho), parse.GetRequiredValue(text)), c.Ct);
            if (note is null) return NotFound(c);
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Case note {note.Id} written."));
            return 0;
        }, ct));
        return add;
    }

    private static Task<Guid?> ChildAsync(Context c, string safeguardId) => PersonIdAsync(c, safeguardId);

    private static Task<string?> UserAsync(Context c, string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return c.Db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(c.Ct);
    }

    private static int NotFound(Context c)
    {
        c.Error.WriteLine("That child has no case open to your team.");
        return 1;
    }
}
