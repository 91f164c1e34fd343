using System.CommandLine;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>
/// Child protection from the command line, as --as, through the same services as the pages: a strategy discussion;
/// the section 47 enquiry (child seen, outcome) and emergency protection; the chairs' conferences (list, arrange,
/// invite, hold) and a partner's report; and the plan (show, actions, progress, core groups). Refusals name the option to change.
/// </summary>
public static class ChildProtectionCommands
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static IEnumerable<Command> Build(IReadOnlyDictionary<string, string?>? settings = null) =>
    [
        FrontDoorCommands.WithDatabase(new Command("strategy-discussions", "Strategy discussions: record one (police and health always invited).") { RecordDiscussion(settings) }),
        FrontDoorCommands.WithDatabase(new Command("section47", "The child's section 47 enquiry: the child seen, the outcome; and emergency protection.")
            { Seen(settings), Outcome(settings), Emergency(settings) }),
        FrontDoorCommands.WithDatabase(new Command("conferences", "Child protection conferences: the chairs' list, arranging, inviting, holding; a partner's reports.")
            { ListConferences(settings), ShowConference(settings), TransferIn(settings), Arrange(settings), Invite(settings), Hold(settings), Reports(settings), SendReport(settings) }),
        FrontDoorCommands.WithDatabase(new Command("protection-plans", "The child's child protection plan: show it, add actions, record progress, move a date, record the core group.")
            { Show(settings), AddAction(settings), Progress(settings), DueDate(settings), CoreGroup(settings) }),
    ];

    private static Argument<string> Child() => new("child") { Description = "The child's Safeguard ID (SG-0001234), open to your team" };

    // ---- Strategy discussions ----

    private static Command RecordDiscussion(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var at = new Option<string>("--at") { Description = "When it was held, UK time: yyyy-mm-dd hh:mm", Required = true };
        var form = new Option<StrategyDiscussionForm?>("--form") { Description = "Meeting, Call or VideoCall", Required = true };
        var participants = new Option<string[]>("--participant")
        {
            Description = "Someone invited, as ROLE:Name (ROLE one of Police, Gp, HealthVisitor, School...); add :absent if they did not take part. Repeat for each",
            AllowMultipleArgumentsPerToken = false,
        };
        var information = new Option<string>("--information") { Description = "The information shared", Required = true };
        var safety = new Option<string?>("--safety-actions") { Description = "The immediate safety actions agreed" };
        var decision = new Option<StrategyDecision?>("--decision") { Description = "StartSection47, NoSection47 or ContinueSection47", Required = true };
        var reason = new Option<string>("--reason") { Description = "The reasons for the decision", Required = true };
        var command = new Command("record", "Record a strategy discussion on the child's open case.") { child, at, form, participants, information, safety, decision, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordStrategyDiscussion, settings, async c =>
        {
            var personId = await ChildAsync(c, parse.GetRequiredValue(child));
            var people = new List<StrategyDiscussionService.NewParticipant>();
            foreach (var text in parse.GetValue(participants) ?? [])
            {
                var parts = text.Split(':');
                var role = Enum.TryParse<ProfessionalRole>(parts[0].Trim(), true, out var r) && Enum.IsDefined(r) ? r : (ProfessionalRole?)null;
                if (role is null || parts.Length < 2) throw Refuse.Invalid("--participant", $"'{text}' is not ROLE:Name, with ROLE one of {string.Join(", ", Enum.GetNames<ProfessionalRole>())}");
                people.Add(new(role, parts[1], null, !(parts.Length > 2 && parts[2].Trim().Equals("absent", StringComparison.OrdinalIgnoreCase))));
            }
            var recorded = await Named(() => c.Get<StrategyDiscussionService>().RecordAsync(c.Actor, personId, new(UkMoment(parse.GetRequiredValue(at), "--at"),
                    parse.GetValue(form), people, parse.GetRequiredValue(information), parse.GetValue(safety), parse.GetValue(decision), parse.GetRequiredValue(reason)), c.Ct),
                ("HeldAtUtc", "--at"), ("Form", "--form"), ("Participants", "--participant"), ("InformationShared", "--information"), ("SafetyActions", "--safety-actions"),
                ("Decision", "--decision"), ("DecisionReason", "--reason"));
            if (recorded is null) return NotFound(c);
            c.Output.WriteLine(recorded.Section47EnquiryId is { } enquiry
                ? $"Strategy discussion {recorded.Id} recorded; section 47 enquiry {enquiry}."
                : $"Strategy discussion {recorded.Id} recorded; no section 47 enquiry.");
            return 0;
        }, ct));
        return command;
    }

    // ---- Section 47 ----

    private static Command Seen(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var on = new Option<string>("--on") { Description = "The date the child was seen (yyyy-mm-dd)", Required = true };
        var alone = new Option<string?>("--alone-on") { Description = "The date the child was seen alone (yyyy-mm-dd)" };
        var reason = new Option<string?>("--not-alone-reason") { Description = "Why the child was not seen alone" };
        var command = new Command("seen", "Record when the child was seen for the enquiry under way, and seen alone or why not.") { child, on, alone, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordSection47, settings, async c =>
        {
            var (personId, enquiry) = await EnquiryAsync(c, parse.GetRequiredValue(child));
            var changed = await Named(() => c.Get<Section47Service>().RecordSeenAsync(c.Actor, personId, enquiry.Id, enquiry.Version,
                    new(Date(parse.GetRequiredValue(on), "--on"), parse.GetValue(alone) is { } a ? Date(a, "--alone-on") : null, parse.GetValue(reason)), c.Ct),
                ("ChildSeenOn", "--on"), ("ChildSeenAloneOn", "--alone-on"), ("NotSeenAloneReason", "--not-alone-reason"));
            if (changed is null) return NotFound(c);
            c.Output.WriteLine(string.Create(Uk, $"Section 47 enquiry {changed.Id}: child seen {changed.ChildSeenOn:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command Outcome(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var outcome = new Option<Section47Outcome?>("--outcome") { Description = "NotSubstantiated, SubstantiatedNoContinuingRisk or InitialConference", Required = true };
        var on = new Option<string?>("--on") { Description = "The date of the outcome (yyyy-mm-dd); today if not given" };
        var reason = new Option<string>("--reason") { Description = "The reasons for the outcome", Required = true };
        var command = new Command("outcome", "Conclude the enquiry under way; InitialConference puts the conference on the chairs' list.") { child, outcome, on, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordSection47, settings, async c =>
        {
            var (personId, enquiry) = await EnquiryAsync(c, parse.GetRequiredValue(child));
            var changed = await Named(() => c.Get<Section47Service>().ConcludeAsync(c.Actor, personId, enquiry.Id, enquiry.Version, parse.GetValue(outcome),
                    parse.GetValue(on) is { } d ? Date(d, "--on") : null, parse.GetRequiredValue(reason), c.Ct),
                ("ChildSeenOn", "PersonId"), ("Outcome", "--outcome"), ("OutcomeOn", "--on"), ("OutcomeReason", "--reason"));
            if (changed is null) return NotFound(c);
            c.Output.WriteLine(changed.Outcome == Section47Outcome.InitialConference
                ? string.Create(Uk, $"Section 47 enquiry {changed.Id} concluded: initial conference due by {changed.ConferenceDueDate:d MMMM yyyy}.")
                : $"Section 47 enquiry {changed.Id} concluded: {Section47Service.Label(changed.Outcome!.Value).ToLowerInvariant()}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Emergency(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var kind = new Option<EmergencyProtectionKind?>("--kind") { Description = "PolicePowers or EmergencyProtectionOrder", Required = true };
        var start = new Option<string>("--start") { Description = "The date it started (yyyy-mm-dd)", Required = true };
        var end = new Option<string?>("--end") { Description = "The date it ended (yyyy-mm-dd), if it has" };
        var details = new Option<string?>("--details") { Description = "What happened" };
        var command = new Command("emergency-protection", "Record police protection or an emergency protection order, with its dates.") { child, kind, start, end, details };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordSection47, settings, async c =>
        {
            var personId = await ChildAsync(c, parse.GetRequiredValue(child));
            var record = await Named(() => c.Get<Section47Service>().RecordEmergencyProtectionAsync(c.Actor, personId, new(parse.GetValue(kind),
                    Date(parse.GetRequiredValue(start), "--start"), parse.GetValue(end) is { } e ? Date(e, "--end") : null, parse.GetValue(details)), c.Ct),
                ("Kind", "--kind"), ("StartDate", "--start"), ("EndDate", "--end"), ("Details", "--details"));
            if (record is null) return NotFound(c);
            c.Output.WriteLine(string.Create(Uk, $"Emergency protection {record.Id} recorded from {record.StartDate:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    // ---- Conferences ----

    private static Argument<int> ConferenceId() => new("conference") { Description = "The conference's number (from `conferences list`)" };

    private static Command TransferIn(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var told = new Option<string>("--notified-on") { Description = "When the other council told us the child had moved here (yyyy-mm-dd)", Required = true };
        var council = new Option<string>("--from") { Description = "The council whose plan the child is on", Required = true };
        var command = new Command("transfer-in", "A child on another council's plan moved here: ask for a transfer-in conference, due 15 working days after we were told.")
            { child, told, council };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordSection47, settings, async c =>
        {
            var personId = await ChildAsync(c, parse.GetRequiredValue(child));
            var conference = await Named(() => c.Get<ConferenceService>().RequestTransferInAsync(c.Actor, personId, Date(parse.GetRequiredValue(told), "--notified-on"),
                    parse.GetRequiredValue(council), c.Ct),
                ("NotifiedOn", "--notified-on"), ("FromCouncil", "--from"));
            if (conference is null) return NotFound(c);
            c.Output.WriteLine(string.Create(Uk, $"Transfer-in conference {conference.Id} asked for: due by {conference.DueDate:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command ListConferences(IReadOnlyDictionary<string, string?>? settings)
    {
        var mine = new Option<bool>("--mine") { Description = "Only the conferences you chair" };
        var command = new Command("list", "The conferences still to hold, soonest due first.") { mine };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ChairConference, settings, async c =>
        {
            var today = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
            var list = await c.Get<ConferenceService>().ToHoldAsync(c.Actor, parse.GetValue(mine) ? c.Actor.UserId : null, ct: c.Ct);
            if (list.Count == 0) c.Output.WriteLine("No conferences to hold.");
            foreach (var l in list)
                c.Output.WriteLine(string.Create(Uk, $"{l.Id}\t{ConferenceService.Label(l.Kind)}\t{l.ChildName}\tdue {l.DueDate:d MMMM yyyy}{(l.DueDate < today ? " (late)" : "")}\t"
                    + $"{(l.ScheduledForUtc is { } at ? ActAs.Uk(at) : "not arranged")}\t{l.ChairName ?? "no chair"}\treports {l.ReportsIn}/{l.ReportsAsked}"));
            return 0;
        }, ct));
        return command;
    }

    private static Command ShowConference(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = ConferenceId();
        var command = new Command("show", "Show a conference: when it is due and arranged, its chair, and who is invited (with their numbers) and whose report is in.") { id };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ViewChildRecord, settings, async c =>
        {
            var conference = await ConferenceAsync(c, parse.GetRequiredValue(id));
            c.Output.WriteLine(string.Create(Uk, $"{ConferenceService.Label(conference.Kind)} {conference.Id}: due by {conference.DueDate:d MMMM yyyy}; "
                + $"{(conference.ScheduledForUtc is { } at ? $"arranged for {ActAs.Uk(at)}" : "not arranged")}; chair {conference.ChairName ?? "not chosen"}"
                + $"{(conference.HeldOn is { } on ? $"; held {on:d MMMM yyyy}: {conference.Decision}" : "")}."));
            foreach (var m in conference.Members.OrderBy(m => m.Id))
                c.Output.WriteLine($"  {m.Id}	{ProfessionalRoles.Label(m.Role)}	{m.Name}	{(m.ReportRequested ? m.ReportSubmittedAtUtc is null ? "report asked for" : "report in" : "no report asked for")}"
                    + $"{(m.Attended is { } came ? came ? "\tattended" : "\tdid not attend" : "")}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Arrange(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = ConferenceId();
        var at = new Option<string>("--at") { Description = "When it will be held, UK time: yyyy-mm-dd hh:mm", Required = true };
        var chair = new Option<string?>("--chair") { Description = "The email of the chair, if not you" };
        var command = new Command("arrange", "Arrange the conference for a date and time, chaired by you or another chair.") { id, at, chair };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ChairConference, settings, async c =>
        {
            var conference = await ConferenceAsync(c, parse.GetRequiredValue(id));
            string? chairId = null;
            if (parse.GetValue(chair) is { } email)
                chairId = await UserIdAsync(c, email) ?? throw Refuse.Invalid("--chair", $"No user has the email address {email}");
            var changed = await Named(() => c.Get<ConferenceService>().ArrangeAsync(c.Actor, conference.Id, conference.Version, UkMoment(parse.GetRequiredValue(at), "--at"), chairId, c.Ct),
                ("ScheduledForUtc", "--at"), ("ChairId", "--chair"));
            if (changed is null) return NotFound(c);
            c.Output.WriteLine($"Conference {changed.Id} arranged for {ActAs.Uk(changed.ScheduledForUtc!.Value)}, chaired by {changed.ChairName}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Invite(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = ConferenceId();
        var members = new Option<string[]>("--member")
        {
            Description = "Someone to invite, as ROLE:Name, then :email if they use Safeguard and :report to ask for their report (Gp:Dr Obi:report). Repeat for each",
            AllowMultipleArgumentsPerToken = false, Required = true,
        };
        var command = new Command("invite", "Invite people to the conference by role, and ask for their reports.") { id, members };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ChairConference, settings, async c =>
        {
            var conference = await ConferenceAsync(c, parse.GetRequiredValue(id));
            var invited = new List<ConferenceService.NewMember>();
            foreach (var text in parse.GetRequiredValue(members))
            {
                var parts = text.Split(':');
                var role = Enum.TryParse<ProfessionalRole>(parts[0].Trim(), true, out var r) && Enum.IsDefined(r) ? r : (ProfessionalRole?)null;
                if (role is null || parts.Length < 2) throw Refuse.Invalid("--member", $"'{text}' is not ROLE:Name, with ROLE one of {string.Join(", ", Enum.GetNames<ProfessionalRole>())}");
                string? userId = null;
                if (parts.Skip(2).FirstOrDefault(p => p.Contains('@', StringComparison.Ordinal)) is { } email)
                    userId = await UserIdAsync(c, email) ?? throw Refuse.Invalid("--member", $"No user has the email address {email}");
                var report = parts.Skip(2).Any(p => p.Trim().Equals("report", StringComparison.OrdinalIgnoreCase));
                invited.Add(new(role, parts[1], null, userId, report));
            }
            var changed = await Named(() => c.Get<ConferenceService>().InviteAsync(c.Actor, conference.Id, conference.Version, invited, c.Ct), ("Members", "--member"));
            if (changed is null) return NotFound(c);
            c.Output.WriteLine($"{invited.Count} invited to conference {changed.Id}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Hold(IReadOnlyDictionary<string, string?>? settings)
    {
        var id = ConferenceId();
        var heldOn = new Option<string>("--held-on") { Description = "The date it was held (yyyy-mm-dd)", Required = true };
        var attended = new Option<int[]>("--attended") { Description = "The number of each person invited who came (from `conferences show`); the others are recorded as not attending", AllowMultipleArgumentsPerToken = true };
        var childTookPart = new Option<Participation?>("--child-participation") { Description = "How the child took part: Attended, AttendedPart, ViewsInWriting, ViewsThroughAdvocate, ViewsThroughSocialWorker, DidNotParticipate, NotAppropriate", Required = true };
        var childViews = new Option<string?>("--child-views") { Description = "The child's views" };
        var parentsTookPart = new Option<Participation?>("--parents-participation") { Description = "How the parents took part (as for the child)", Required = true };
        var parentsViews = new Option<string?>("--parents-views") { Description = "The parents' views" };
        var decision = new Option<ConferenceDecision?>("--decision") { Description = "Plan or NoPlan (initial); ContinuePlan or EndPlan (review)", Required = true };
        var category = new Option<string?>("--category") { Description = "The category of abuse: NEG, PHY, EMO, SAB (or MUL)" };
        var subCategory = new Option<string?>("--sub-category") { Description = "The council's sub-category of that category" };
        var working = new Option<bool?>("--plan-working") { Description = "At a review: whether the plan is working (true or false)" };
        var workingReason = new Option<string?>("--plan-working-reason") { Description = "At a review: the evidence that it is, or is not" };
        var notDone = new Option<string?>("--work-not-done") { Description = "At a review: the work agreed that was not done, and the challenge made (or \"none\")" };
        var reason = new Option<string>("--reason") { Description = "The reasons for the decision", Required = true };
        var endReason = new Option<PlanEndReason?>("--end-reason") { Description = "Why the plan ends: NoLongerAtRisk, SteppedDownToChildInNeed, BecameLookedAfter, MovedToAnotherCouncil, ReachedEighteen, Died, Other" };
        var command = new Command("hold", "Record the conference as held, as its chair: an initial conference deciding on a plan starts it; a review continues or ends it.")
            { id, heldOn, attended, childTookPart, childViews, parentsTookPart, parentsViews, decision, category, subCategory, working, workingReason, notDone, reason, endReason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ChairConference, settings, async c =>
        {
            var conference = await ConferenceAsync(c, parse.GetRequiredValue(id));
            var came = parse.GetValue(attended) ?? [];
            var attendance = conference.Members.Select(m => new ConferenceService.Attendance(m.Id, came.Contains(m.Id))).ToList();
            foreach (var unknown in came.Where(n => conference.Members.All(m => m.Id != n)))
                throw Refuse.Invalid("--attended", $"{unknown} is not the number of anyone invited to conference {conference.Id}");
            var held = await Named(() => c.Get<ConferenceService>().HoldAsync(c.Actor, conference.Id, conference.Version, new(Date(parse.GetRequiredValue(heldOn), "--held-on"),
                    attendance, parse.GetValue(childTookPart), parse.GetValue(childViews), parse.GetValue(parentsTookPart), parse.GetValue(parentsViews), parse.GetValue(decision),
                    parse.GetValue(category)?.Trim().ToUpperInvariant(), parse.GetValue(subCategory), parse.GetValue(working), parse.GetValue(workingReason), parse.GetValue(notDone),
                    parse.GetRequiredValue(reason), parse.GetValue(endReason)), c.Ct),
                ("HeldOn", "--held-on"), ("Attendance", "--attended"), ("ChildParticipation", "--child-participation"), ("ChildViews", "--child-views"),
                ("ParentsParticipation", "--parents-participation"), ("ParentsViews", "--parents-views"), ("Decision", "--decision"), ("Category", "--category"),
                ("SubCategory", "--sub-category"), ("PlanWorking", "--plan-working"), ("PlanWorkingReason", "--plan-working-reason"), ("WorkNotDone", "--work-not-done"),
                ("DecisionReason", "--reason"), ("PlanEndReason", "--end-reason"), ("ChairId", "--as"));
            if (held is null) return NotFound(c);
            c.Output.WriteLine(held.PlanId is { } plan
                ? string.Create(Uk, $"Conference {held.Id} held on {held.HeldOn:d MMMM yyyy}: {held.Decision}; child protection plan {plan}.")
                : string.Create(Uk, $"Conference {held.Id} held on {held.HeldOn:d MMMM yyyy}: {held.Decision}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command Reports(IReadOnlyDictionary<string, string?>? settings)
    {
        var command = new Command("reports", "The conference reports you have been asked for and not yet sent (a partner agency user).");
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.SubmitConferenceReport, settings, async c =>
        {
            var list = await c.Get<ConferenceService>().ReportsToWriteAsync(c.Actor, c.Ct);
            if (list.Count == 0) c.Output.WriteLine("No reports asked of you.");
            foreach (var r in list)
                c.Output.WriteLine(string.Create(Uk, $"{r.MemberId}\t{ConferenceService.Label(r.Kind)} for {r.ChildName}\tas {ProfessionalRoles.Label(r.Role)}\tdue {r.DueDate:d MMMM yyyy}"));
            return 0;
        }, ct));
        return command;
    }

    private static Command SendReport(IReadOnlyDictionary<string, string?>? settings)
    {
        var request = new Argument<int>("request") { Description = "The number of the report asked of you (from `conferences reports`)" };
        var text = new Option<string?>("--text") { Description = "Your report" };
        var file = new Option<FileInfo?>("--from") { Description = "A text file holding your report" };
        var command = new Command("send-report", "Send the report a chair asked of you, before the conference (a partner agency user).") { request, text, file };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.SubmitConferenceReport, settings, async c =>
        {
            var report = parse.GetValue(text);
            if (parse.GetValue(file) is { } f)
            {
                if (!f.Exists)
                {
                    c.Error.WriteLine($"--from: there is no file {f.FullName}");
                    return 2;
                }
                report = await File.ReadAllTextAsync(f.FullName, c.Ct);
            }
            var sent = await Named(() => c.Get<ConferenceService>().SubmitReportAsync(c.Actor, parse.GetRequiredValue(request), report, c.Ct), ("Report", "--text"));
            if (sent is null)
            {
                c.Error.WriteLine("No report with that number was asked of you.");
                return 1;
            }
            c.Output.WriteLine($"Report {sent.Id} sent.");
            return 0;
        }, ct));
        return command;
    }

    // ---- The plan ----

    private static Command Show(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var command = new Command("show", "Show the child's current child protection plan (or the last one): actions, core groups and conferences.") { child };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.ViewChildRecord, settings, async c =>
        {
            var (_, plan) = await PlanAsync(c, parse.GetRequiredValue(child), current: false);
            var service = c.Get<ChildProtectionPlanService>();
            var o = c.Output;
            o.WriteLine(string.Create(Uk, $"Child protection plan {plan.Id}: from {plan.StartDate:d MMMM yyyy}{(plan.EndDate is { } end ? $" to {end:d MMMM yyyy} ({ConferenceService.Label(plan.EndReason!.Value)})" : "")}; "
                + $"category {AbuseCategories.Label(plan.LatestCategory)} (initially {AbuseCategories.Label(plan.InitialCategory)}); {plan.PreviousPlans} plan(s) before."));
            o.WriteLine("Actions:");
            if (plan.Actions.Count == 0) o.WriteLine("  none yet");
            foreach (var a in plan.Actions)
                o.WriteLine(string.Create(Uk, $"  {a.Id}\t{a.Text}\t{a.OwnerName}\tdue {a.DueDate:d MMMM yyyy}\t{ChildInNeedPlanService.Label(a.Status)}{(a.Progress is { } p ? $": {p}" : "")}"));
            o.WriteLine("Core groups:");
            foreach (var m in await service.CoreGroupsAsync(plan.Id, c.Ct))
                o.WriteLine(m.HeldOn is { } on ? string.Create(Uk, $"  {m.Id}\theld {on:d MMMM yyyy} (due {m.DueDate:d MMMM yyyy})\t{m.Attendees}")
                    : string.Create(Uk, $"  {m.Id}\tdue by {m.DueDate:d MMMM yyyy}"));
            o.WriteLine("Conferences:");
            foreach (var conf in await service.ConferencesAsync(plan.Id, c.Ct))
                o.WriteLine(conf.HeldOn is { } on ? string.Create(Uk, $"  {conf.Id}\t{ConferenceService.Label(conf.Kind)}\theld {on:d MMMM yyyy}\t{conf.Decision}")
                    : string.Create(Uk, $"  {conf.Id}\t{ConferenceService.Label(conf.Kind)}\tdue by {conf.DueDate:d MMMM yyyy}"));
            return 0;
        }, ct));
        return command;
    }

    private static Command AddAction(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var text = new Option<string>("--text") { Description = "What will be done", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who will do it, if not a member of staff (for example \"Mother\" or \"School nurse\")" };
        var ownerEmail = new Option<string?>("--owner-email") { Description = "The email of the member of the child's team who will do it" };
        var due = new Option<string>("--due") { Description = "The date by which it will be done (yyyy-mm-dd): a real date, not \"ongoing\"", Required = true };
        var command = new Command("add-action", "Add an action to the child's child protection plan.") { child, text, owner, ownerEmail, due };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordProtectionPlanWork, settings, async c =>
        {
            var (personId, plan) = await PlanAsync(c, parse.GetRequiredValue(child));
            string? ownerId = null;
            if (parse.GetValue(ownerEmail) is { } email)
                ownerId = await UserIdAsync(c, email) ?? throw Refuse.Invalid("--owner-email", $"No user has the email address {email}");
            var changed = await Named(() => c.Get<ChildProtectionPlanService>().AddActionsAsync(c.Actor, personId, plan.Id, plan.Version,
                    [new(parse.GetRequiredValue(text), parse.GetValue(owner), ownerId, parse.GetRequiredValue(due))], c.Ct),
                ("Actions[0].DueDate", "--due"), ("Actions[0].Text", "--text"), ("Actions[0].OwnerName", "--owner"), ("Actions[0].OwnerUserId", "--owner-email"));
            if (changed is null) return NotFound(c);
            var added = changed.Actions.MaxBy(a => a.Id)!;
            c.Output.WriteLine(string.Create(Uk, $"Action {added.Id} added to plan {changed.Id}, due by {added.DueDate:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    private static Option<int> ActionOption() => new("--action") { Description = "The action's number (from `protection-plans show`)", Required = true };

    private static Command Progress(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var action = ActionOption();
        var status = new Option<PlanActionStatus?>("--status") { Description = "NotStarted, InProgress, Done or NoLongerNeeded", Required = true };
        var text = new Option<string>("--text") { Description = "The progress (or why it is no longer needed)", Required = true };
        var command = new Command("progress", "Record progress on one of the plan's actions between core groups.") { child, action, status, text };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordProtectionPlanWork, settings, async c =>
        {
            var (personId, plan) = await PlanAsync(c, parse.GetRequiredValue(child));
            var changed = await Named(() => c.Get<ChildProtectionPlanService>().RecordProgressAsync(c.Actor, personId, plan.Id, parse.GetRequiredValue(action), plan.Version,
                parse.GetValue(status), parse.GetRequiredValue(text), c.Ct), ("Status", "--status"), ("Text", "--text"));
            if (changed is null) return NoAction(c, plan.Id);
            c.Output.WriteLine($"Progress recorded on action {parse.GetRequiredValue(action)}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command DueDate(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var action = ActionOption();
        var due = new Option<string>("--due") { Description = "The new date by which it will be done (yyyy-mm-dd)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the date is changing", Required = true };
        var command = new Command("due-date", "Move the due date of one of the plan's open actions, with the reason.") { child, action, due, reason };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordProtectionPlanWork, settings, async c =>
        {
            var (personId, plan) = await PlanAsync(c, parse.GetRequiredValue(child));
            var changed = await Named(() => c.Get<ChildProtectionPlanService>().ChangeDueDateAsync(c.Actor, personId, plan.Id, parse.GetRequiredValue(action), plan.Version,
                parse.GetRequiredValue(due), parse.GetRequiredValue(reason), c.Ct), ("DueDate", "--due"), ("Reason", "--reason"));
            if (changed is null) return NoAction(c, plan.Id);
            c.Output.WriteLine(string.Create(Uk, $"Action {parse.GetRequiredValue(action)} now due by {changed.Actions.Single(a => a.Id == parse.GetRequiredValue(action)).DueDate:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    private static Command CoreGroup(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = Child();
        var heldOn = new Option<string>("--held-on") { Description = "The date the core group met (yyyy-mm-dd)", Required = true };
        var attendees = new Option<string>("--attendees") { Description = "Who came", Required = true };
        var notes = new Option<string>("--notes") { Description = "What was discussed, what has changed, the child's and family's views", Required = true };
        var progress = new Option<string[]>("--progress")
        {
            Description = "Progress on each open action, in the order `protection-plans show` lists them (by due date): STATUS:text, STATUS one of NotStarted, InProgress, Done, NoLongerNeeded",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("core-group", "Record the core group that is due on the child's plan; the next is scheduled.") { child, heldOn, attendees, notes, progress };
        command.SetAction((parse, ct) => RunAsync(parse, Capabilities.RecordProtectionPlanWork, settings, async c =>
        {
            var (personId, plan) = await PlanAsync(c, parse.GetRequiredValue(child));
            var service = c.Get<ChildProtectionPlanService>();
            var due = (await service.CoreGroupsAsync(plan.Id, c.Ct)).FirstOrDefault(m => m.HeldOn is null)
                ?? throw Refuse.Invalid("--held-on", "The plan has no core group due");
            var open = plan.Actions.Where(a => ChildInNeedPlanService.IsOpen(a.Status)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
            var given = parse.GetValue(progress) ?? [];
            if (given.Length > open.Count) throw Refuse.Invalid("--progress", $"The plan has {open.Count} open action(s): give progress on each, no more");
            var rows = new List<ChildInNeedPlanService.ProgressInput>();
            for (var i = 0; i < given.Length; i++)
            {
                var parts = given[i].Split(':', 2);
                var status = Enum.TryParse<PlanActionStatus>(parts[0].Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (PlanActionStatus?)null;
                rows.Add(new(open[i].Id, status, parts.Length > 1 ? parts[1] : null));
            }
            var held = await Named(() => service.RecordCoreGroupAsync(c.Actor, personId, plan.Id, due.Id, due.Version,
                    new(Date(parse.GetRequiredValue(heldOn), "--held-on"), parse.GetRequiredValue(attendees), parse.GetRequiredValue(notes), rows), c.Ct),
                ("HeldOn", "--held-on"), ("Attendees", "--attendees"), ("Notes", "--notes"), ("Progress", "--progress"));
            if (held is null) return NotFound(c);
            var next = (await service.CoreGroupsAsync(plan.Id, c.Ct)).FirstOrDefault(m => m.HeldOn is null);
            c.Output.WriteLine(string.Create(Uk, $"Core group recorded for plan {plan.Id}, held on {held.HeldOn:d MMMM yyyy}; the next is due by {next?.DueDate:d MMMM yyyy}."));
            return 0;
        }, ct));
        return command;
    }

    // ---- Finding things ----

    private static async Task<Guid> ChildAsync(Context c, string safeguardId) =>
        await PersonIdAsync(c, safeguardId) ?? throw Refuse.Invalid("child", $"No child has the Safeguard ID {safeguardId}");

    private static async Task<(Guid Child, Section47Enquiry Enquiry)> EnquiryAsync(Context c, string safeguardId)
    {
        var child = await ChildAsync(c, safeguardId);
        var open = await c.Get<StrategyDiscussionService>().OpenEnquiryAsync(child, c.Ct) ?? throw Refuse.Invalid("child", "The child has no section 47 enquiry under way");
        return (child, open);
    }

    private static async Task<ChildProtectionConference> ConferenceAsync(Context c, int id) =>
        await c.Get<ConferenceService>().OpenAsync(c.Actor, id, c.Ct) ?? throw Refuse.Invalid("conference", $"There is no conference {id} you may open");

    /// <summary>The child's plan in force (or, to show, the latest), as it is now.</summary>
    private static async Task<(Guid Child, ChildProtectionPlan Plan)> PlanAsync(Context c, string safeguardId, bool current = true)
    {
        var child = await ChildAsync(c, safeguardId);
        var query = c.Db.ChildProtectionPlans.Where(p => p.PersonId == child);
        if (current) query = query.Where(p => p.EndDate == null);
        var id = await query.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(c.Ct)
            ?? throw Refuse.Invalid("child", current ? "The child has no child protection plan in force" : "The child has never had a child protection plan");
        var plan = await c.Get<ChildProtectionPlanService>().OpenAsync(c.Actor, child, id, c.Ct)
            ?? throw Refuse.Invalid("child", "The child's case is not open to your team");
        return (child, plan);
    }

    private static Task<string?> UserIdAsync(Context c, string email) =>
        c.Db.Users.Where(u => u.NormalizedEmail == email.Trim().ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(c.Ct);

    private static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw Refuse.Invalid(option, $"'{text}' is not a date: write it as yyyy-mm-dd");

    /// <summary>A moment typed in UK time ("2026-11-20 14:30"), as UTC.</summary>
    private static DateTime UkMoment(string text, string option) =>
        DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? WorkingDayCalendar.FromUkLocal(local).UtcDateTime
            : throw Refuse.Invalid(option, $"'{text}' is not a date and time: write it as yyyy-mm-dd hh:mm (UK time)");

    /// <summary>Runs a service call, renaming the fields of its refusal to the options to change (a field that starts with a name given is that option).</summary>
    private static async Task<T> Named<T>(Func<Task<T>> call, params (string Field, string Option)[] options)
    {
        try { return await call(); }
        catch (ValidationException ex)
        {
            throw new ValidationException(ex.Errors.Select(e => new ValidationFailure(
                options.FirstOrDefault(o => e.PropertyName == o.Field || e.PropertyName.StartsWith(o.Field + "[", StringComparison.Ordinal)
                    || e.PropertyName.StartsWith(o.Field + ".", StringComparison.Ordinal)).Option ?? e.PropertyName, e.ErrorMessage)));
        }
    }

    private static int NotFound(Context c)
    {
        c.Error.WriteLine("That child's case is not open to your team.");
        return 1;
    }

    private static int NoAction(Context c, int planId)
    {
        c.Error.WriteLine($"--action: plan {planId} has no action with that number (see `protection-plans show`).");
        return 1;
    }
}
