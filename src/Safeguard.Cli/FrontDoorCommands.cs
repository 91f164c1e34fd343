using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Calendar;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// The front door from the command line: contacts (add, show, screen, import) and partners' answers; the MASH's
/// commands are in <see cref="MashCommands"/>. Each acts as the user named by --as.
/// </summary>
public static class FrontDoorCommands
{
    /// <param name="settings">Extra configuration under the options (the tests give the access log key).</param>
    public static IEnumerable<Command> Build(IReadOnlyDictionary<string, string?>? settings = null) =>
        [Contacts(settings), MashCommands.Build(settings), Requests(settings)];

    private static Command Contacts(IReadOnlyDictionary<string, string?>? settings)
    {
        var contacts = new Command("contacts", "Record, show, screen and import contacts.") { Add(settings), Show(settings), Match(settings), Screen(settings), Import(settings) };
        return WithDatabase(contacts);
    }

    /// <summary>--as and the database options on each subcommand.</summary>
    internal static Command WithDatabase(Command parent)
    {
        foreach (var sub in parent.Subcommands) sub.Options.Add(Email);
        parent.Options.Add(CliContext.Connection);
        parent.Options.Add(CliContext.Provider);
        return parent;
    }

    /// <summary>The option for a contact import column: source_code becomes --source-code.</summary>
    private static string OptionFor(string column) => "--" + column.Replace('_', '-');

    private static Command Add(IReadOnlyDictionary<string, string?>? settings)
    {
        var options = ContactImport.Columns.ToDictionary(c => c, c => new Option<string?>(OptionFor(c)) { Description = Describe(c) });
        var add = new Command("add", "Record a contact. The options are the import file's columns (docs/contact-import.md); --received defaults to now.");
        foreach (var option in options.Values) add.Options.Add(option);
        add.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordContact, settings, async c =>
        {
            var values = options.Where(o => parse.GetValue(o.Value) is not null).ToDictionary(o => o.Key, o => parse.GetValue(o.Value)!);
            values.TryAdd("received", WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            var (input, errors) = await c.Get<ContactImport>().ReadOneAsync(c.Actor, values, c.Ct);
            if (input is null)
            {
                foreach (var e in errors) c.Error.WriteLine($"{OptionFor(e.Field)}: {e.Message}");
                return 1;
            }
            var contact = await c.Get<ContactService>().RecordAsync(c.Actor, input, c.Ct);
            c.Output.WriteLine($"Recorded contact {contact.Reference} (id {contact.Id}): {Contact.Label(contact.Stage).ToLowerInvariant()}.");
            return 0;
        }, ct));
        return add;
    }

    private static string Describe(string column) => column switch
    {
        "received" => "When it was received, in UK time: 2026-11-20 14:05 (default: now)",
        "method" => "How it came in: " + string.Join(", ", Enum.GetNames<ContactMethod>().Where(m => m != nameof(ContactMethod.PartnerPortal))),
        "source_code" => "The DfE referral source code: 2A schools, 3A GP, 6 police, 9 anonymous...",
        "referrer_agency" => "The referrer's agency, by name",
        "referrer_name" => "Who made the contact (blank for anonymous)",
        "referrer_role" => "Their role, such as Head teacher",
        "referrer_contact" => "How to reach them to tell them the outcome",
        "child_address" => "The address of the children in --child-names",
        "concerns" => "What the referrer is worried about",
        "referrer_request" => "What the referrer asks the council to do",
        "consent_reason" => "The safeguarding reason for going ahead without consent",
        "child_ids" => "Safeguard IDs of the children, separated by ';'",
        "child_names" => "Names of children not matched to records, separated by ';'",
        "child_dobs" => "Their dates of birth (yyyy-MM-dd), in the same order, separated by ';'",
        "factor_codes" => "DfE factor codes, separated by ';'",
        "consent" => "Given, NotNeeded, NotSoughtSafeguarding or RefusedOverridden",
        "police_rag" => "The police's own RAG rating (police notifications only)",
        _ => column,
    };

    /// <summary>A contact given as its reference (C-0000123) or its id (as the API gives it).</summary>
    internal static async Task<int?> ContactIdAsync(Context c, string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.StartsWith('C') && int.TryParse(t.TrimStart('C', '-'), CultureInfo.InvariantCulture, out var number))
            return await c.Db.Contacts.Where(x => x.Number == number).Select(x => (int?)x.Id).FirstOrDefaultAsync(c.Ct);
        return int.TryParse(t, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static Argument<string> ContactArgument() => new("contact") { Description = "The contact's reference (C-0000123) or id" };

    private static Command Show(IReadOnlyDictionary<string, string?>? settings)
    {
        var contactArgument = ContactArgument();
        var show = new Command("show", "Show a contact, its children and what has been decided (the view is logged).") { contactArgument };
        show.SetAction((parse, ct) => RunAsync(parse, Capabilities.ViewFrontDoor, settings, async c =>
        {
            var id = await ContactIdAsync(c, parse.GetRequiredValue(contactArgument));
            if (id is null || await c.Get<FrontDoorQueries>().ContactAsync(c.Actor, id.Value, c.Ct) is not { } view)
            {
                c.Error.WriteLine("No such contact, or you may not see it.");
                return 1;
            }
            ContactText.Write(c.Output, view);
            return 0;
        }, ct));
        return show;
    }

    private static Command Match(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = new Option<int?>("--child") { Description = "The child's number on the contact, as `contacts show` lists them; leave out to add another child of the household" };
        var person = new Option<string>("--person") { Description = "The record to match: its Safeguard ID (SG-0001234)", Required = true };
        var contactArgument = ContactArgument();
        var match = new Command("match", "Match a child the referrer named to their record, or add a child to a contact not yet screened.") { contactArgument, child, person };
        match.SetAction((parse, ct) => RunAsync(parse, Capabilities.ScreenContact, settings, async c =>
        {
            var id = await ContactIdAsync(c, parse.GetRequiredValue(contactArgument)) ?? 0;
            var contact = await c.Db.Contacts.Where(x => x.Id == id)
                .Select(x => new { x.Version, Children = x.Children.OrderBy(k => k.Id).Select(k => k.Id).ToList() }).FirstOrDefaultAsync(c.Ct);
            if (contact is null || await c.Get<FrontDoorQueries>().ContactAsync(c.Actor, id, c.Ct) is null)
            {
                c.Error.WriteLine("No such contact, or you may not see it.");
                return 1;
            }
            int? contactChildId = null;
            if (parse.GetValue(child) is { } position)
            {
                if (position < 1 || position > contact.Children.Count)
                {
                    c.Error.WriteLine($"--child: the contact has {contact.Children.Count} child{(contact.Children.Count == 1 ? "" : "ren")}; give a number from 1 to {contact.Children.Count}.");
                    return 1;
                }
                contactChildId = contact.Children[position - 1];
            }
            var number = Core.People.Person.ParseNumber(parse.GetRequiredValue(person));
            var personId = number is null ? null
                : await c.Db.People.Where(p => p.Number == number).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(c.Ct);
            if (personId is null)
            {
                c.Error.WriteLine("--person: no record has that Safeguard ID; give it as SG-0001234.");
                return 1;
            }
            var matched = await c.Get<ContactService>().MatchChildAsync(c.Actor, id, contact.Version, contactChildId, personId.Value, c.Ct);
            c.Output.WriteLine($"Contact {matched!.Reference}: {Core.People.Person.FormatNumber(number!.Value)} matched; {Contact.Label(matched.Stage).ToLowerInvariant()}.");
            return 0;
        }, ct));
        return match;
    }

    private static Command Screen(IReadOnlyDictionary<string, string?>? settings)
    {
        var outcome = new Option<ScreeningOutcome>("--outcome") { Description = "The decision", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var team = new Option<string?>("--team") { Description = "For early help or a referral: the team, by name (early help defaults to the early help team)" };
        var need = new Option<string?>("--primary-need") { Description = "For a referral: the child's primary need code (N1...N9, N0)" };
        var contactArgument = ContactArgument();
        var screen = new Command("screen", "Screen a contact whose children are all matched to records.") { contactArgument, outcome, reason, team, need };
        screen.SetAction((parse, ct) => RunAsync(parse, Capabilities.ScreenContact, settings, async c =>
        {
            var id = await ContactIdAsync(c, parse.GetRequiredValue(contactArgument)) ?? 0;
            var version = await c.Db.Contacts.Where(x => x.Id == id).Select(x => (Guid?)x.Version).FirstOrDefaultAsync(c.Ct);
            int? teamId = parse.GetValue(team) is { } name ? await TeamAsync(c, name, "--team") : null;
            var decision = new ContactService.Screening(parse.GetValue(outcome), parse.GetRequiredValue(reason), teamId, parse.GetValue(need));
            var contact = version is null ? null : await c.Get<ContactService>().ScreenAsync(c.Actor, id, version.Value, decision, c.Ct);
            if (contact is null)
            {
                c.Error.WriteLine("No such contact, or you may not see it.");
                return 1;
            }
            var mash = await c.Db.MashCases.Where(m => m.ContactId == contact.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(c.Ct);
            c.Output.WriteLine($"Contact {contact.Reference} screened: {Contact.Label(decision.Outcome)}{(mash is null ? "" : $" (MASH case {mash})")}.");
            return 0;
        }, ct));
        return screen;
    }

    private static Command Import(IReadOnlyDictionary<string, string?>? settings)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of contacts (docs/contact-import.md)" };
        var import = new Command("import", "Import contacts from a CSV file: all of them, or none and every line's problems.") { file };
        import.SetAction((parse, ct) => RunAsync(parse, Capabilities.ImportContacts, settings, async c =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                c.Error.WriteLine($"There is no file {path.FullName}.");
                return 2;
            }
            await using var stream = path.OpenRead();
            var started = DateTime.UtcNow;
            var result = await c.Get<ContactImport>().ImportAsync(c.Actor, stream, c.Ct);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) c.Error.WriteLine($"line {e.Line}, {e.Field}: {e.Message}");
                c.Error.WriteLine($"Nothing was imported: the file has {result.Errors.Count:N0} problem{(result.Errors.Count == 1 ? "" : "s")}.");
                return 1;
            }
            c.Output.WriteLine($"Imported {result.Contacts.Count:N0} contact{(result.Contacts.Count == 1 ? "" : "s")} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s.");
            return 0;
        }, ct));
        return import;
    }

    private static Command Requests(IReadOnlyDictionary<string, string?>? settings)
    {
        var request = new Argument<int>("request") { Description = "The request's id" };
        var answerText = new Option<string>("--answer") { Description = "What your agency knows, or that it holds no information", Required = true };
        var answer = new Command("answer", "Answer a request from the MASH addressed to your agency (text only: attach documents on the partner page).") { request, answerText };
        answer.SetAction((parse, ct) => RunAsync(parse, Capabilities.AnswerInformationRequest, settings, async c =>
        {
            var id = parse.GetValue(request);
            var version = await c.Db.InformationRequests.Where(r => r.Id == id).Select(r => (Guid?)r.Version).FirstOrDefaultAsync(c.Ct);
            var answered = version is null ? null
                : await c.Get<PartnerService>().AnswerAsync(c.Actor, id, version.Value, parse.GetRequiredValue(answerText), [], c.Ct);
            if (answered is null)
            {
                c.Error.WriteLine("No such request for your agency.");
                return 1;
            }
            c.Output.WriteLine($"Answered request {answered.Id}{(answered.WasLate ? $" (late: it was due at {Uk(answered.DueAtUtc)})" : "")}.");
            return 0;
        }, ct));
        return WithDatabase(new Command("requests", "Partner agencies: answer the MASH's requests for information.") { answer });
    }
}
