using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Decides the two years of contacts before the people are numbered: first the contacts that opened the social
/// care episodes and early help InvolvementBuilder made in those years (on or just before the day they started),
/// then a contact for each family on the day it first became known, then routine contacts up to the year's
/// total (DOMAIN.md: 8,202 in the last year, up 17.5% on the year before). Which routine contacts go to the MASH,
/// and which of those the DfE counts as referrals, is chosen last so the yearly figures come out right.
/// </summary>
internal sealed class FrontDoorPlanner(Random rng, DateOnly asOf, DemoStaff staff, FrontDoorReferrers referrers, FrontDoorClock clock)
{
    public const int ContactsLastYear = 8200, ContactsYearBefore = 6980, MashPerYear = 1400;
    /// <summary>
    /// Share of referrals that a MASH "no further action" decision records (the rest opened an episode): DOMAIN.md has
    /// 84% of referrals becoming children in need.
    /// </summary>
    private const double NfaReferralShare = 0.16;
    /// <summary>
    /// The share of referrals chosen to follow another for the same child within 12 months. DOMAIN.md has 10-13%;
    /// this aims lower because an episode that starts within a year of such a referral becomes a repeat too.
    /// </summary>
    private const double RepeatTarget = 0.105;

    private static readonly InvolvementKind[] Referred =
        [InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter];

    private readonly DateOnly _from = asOf.AddYears(-2), _yearAgo = asOf.AddYears(-1);
    private readonly Dictionary<Guid, Household> _householdOf = [];
    private readonly Dictionary<Guid, List<Involvement>> _socialCare = [];
    private readonly Dictionary<Guid, List<Involvement>> _earlyHelp = [];
    private readonly Dictionary<Guid, List<DateOnly>> _referralDays = [];
    private List<Household> _households = [];
    private Dictionary<Household, int> _indexOf = [];

    public List<PlannedContact> Contacts { get; } = [];

    public void Plan(DemoFamilies families, List<Involvement> involvements, double size)
    {
        _households = families.Households.Where(h => h.Children.Count > 0).ToList();
        _indexOf = families.Households.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        foreach (var h in families.Households)
            foreach (var p in h.Members) _householdOf[p.Id] = h;
        foreach (var i in involvements.OrderBy(i => i.StartDate).ThenBy(i => i.Id))
        {
            var into = i.Kind == InvolvementKind.EarlyHelp ? _earlyHelp : OpenCases.SocialCare.Contains(i.Kind) ? _socialCare : null;
            if (into is null) continue;
            if (!into.TryGetValue(i.PersonId, out var list)) into[i.PersonId] = list = [];
            list.Add(i);
        }
        AddReferrals();
        AddEarlyHelp();
        AddFirstKnown();
        AddRoutine(_yearAgo, asOf, (int)Math.Round(ContactsLastYear * size));
        AddRoutine(_from, _yearAgo, (int)Math.Round(ContactsYearBefore * size));
        AddDemoNewInformation();
        ChooseCountedReferrals(_from, _yearAgo);
        ChooseCountedReferrals(_yearAgo, asOf);
        ChooseMash(_yearAgo, asOf, (int)Math.Round(MashPerYear * size));
        ChooseMash(_from, _yearAgo, (int)Math.Round(MashPerYear / 1.175 * size));
        var ordered = Contacts.OrderBy(c => c.ReceivedAtUtc).ToList();
        Contacts.Clear();
        Contacts.AddRange(ordered);
    }

    /// <summary>A contact for the start of each social care episode in the two years: siblings starting together share one.</summary>
    private void AddReferrals()
    {
        var starts = new SortedDictionary<(int Day, int Household), List<(Person Child, Involvement First, EpisodeEnd End, bool Strategy)>>();
        foreach (var (personId, list) in _socialCare)
        {
            var h = _householdOf[personId];
            var child = h.Members.First(c => c.Id == personId);
            for (var k = 0; k < list.Count; k++)
            {
                var first = list[k];
                if (!Referred.Contains(first.Kind) || first.StartDate < _from || first.StartDate >= asOf) continue;
                if (child.AgeOn(first.StartDate) is >= 18) continue;
                // An episode that follows straight on from an earlier one (the list is in order) is part of it, not a new referral.
                if (list.Take(k).Any(o => o.EndDate is null || o.EndDate >= first.StartDate.AddDays(-7))) continue;
                var (end, reason, plan) = Follow(list, first);
                var strategy = first.Kind is InvolvementKind.ChildProtection or InvolvementKind.LookedAfter || plan;
                var key = (first.StartDate.DayNumber, _indexOf[h]);
                if (!starts.TryGetValue(key, out var group)) starts[key] = group = [];
                group.Add((child, first, new EpisodeEnd(end, reason), strategy));
            }
        }
        foreach (var group in starts.Values)
        {
            var start = group[0].First.StartDate;
            var strategy = group.Any(g => g.Strategy);
            var team = group[0].First.Team!;
            if (!Episodes.SocialWorkTeams.Contains(team.Kind)) team = staff.TeamsOf(TeamKind.Assessment).First();
            // Usually the day the episode starts; now and then a few days before (a weekend police notification, say).
            var day = rng.Chance(0.75) || start < _from.AddDays(3) ? start : start.AddDays(-rng.Next(1, 4));
            var h = _householdOf[group[0].Child.Id];
            var children = group.Select(g => g.Child).ToList();
            var c = NewContact(h, children, ContactPurpose.Referral, day, Source(day, h, children, strategy ? ForStrategy : ForReferral),
                latest: day == start ? 13 : 24, team: team, strategy: strategy);
            if (c is null) continue;
            c.ViaMash = strategy || rng.Chance(0.7);
            foreach (var g in group)
            {
                c.Episodes[g.Child.Id] = g.End;
                if (!_referralDays.TryGetValue(g.Child.Id, out var days)) _referralDays[g.Child.Id] = days = [];
                days.Add(day);
            }
        }
    }

    /// <summary>Where an episode led: when the last part of it ended, why (the DfE's RC codes), and whether a child protection plan followed.</summary>
    private (DateOnly? End, string? Reason, bool Plan) Follow(List<Involvement> list, Involvement first)
    {
        var end = first.EndDate;
        var onlyAssessment = first.Kind == InvolvementKind.Assessment;
        var plan = false;
        foreach (var next in list.Where(o => o.StartDate > first.StartDate).OrderBy(o => o.StartDate))
        {
            if (end is null || next.StartDate > end.Value.AddDays(7)) break;
            plan |= next.Kind == InvolvementKind.ChildProtection && next.StartDate <= first.StartDate.AddDays(60);
            onlyAssessment = false;
            end = next.EndDate is null ? null : Later(end.Value, next.EndDate.Value);
        }
        if (end is null) return (null, null, plan);
        var earlyHelp = _earlyHelp.GetValueOrDefault(first.PersonId)?.Any(e => e.StartDate >= end && e.StartDate <= end.Value.AddDays(30)) ?? false;
        return (end, onlyAssessment ? (earlyHelp ? "RC9" : "RC8") : "RC7", plan);
    }

    /// <summary>A contact for each early help episode that started in the two years (not a step down from social care): decided the day it began.</summary>
    private void AddEarlyHelp()
    {
        var starts = new SortedDictionary<(int Day, int Household), List<Person>>();
        foreach (var (personId, list) in _earlyHelp)
        {
            var h = _householdOf[personId];
            var child = h.Children.FirstOrDefault(c => c.Id == personId);
            if (child is null) continue;
            foreach (var e in list.Where(i => i.StartDate >= _from && i.StartDate < asOf))
            {
                var stepDown = _socialCare.GetValueOrDefault(personId)?.Any(s => s.EndDate is { } end && end <= e.StartDate && end >= e.StartDate.AddDays(-21)) ?? false;
                if (stepDown) continue;
                var key = (e.StartDate.DayNumber, _indexOf[h]);
                if (!starts.TryGetValue(key, out var group)) starts[key] = group = [];
                group.Add(child);
            }
        }
        foreach (var ((dayNumber, _), children) in starts)
        {
            var start = DateOnly.FromDayNumber(dayNumber);
            var mash = rng.Chance(0.12);
            var day = (mash || rng.Chance(0.6)) && start > _from.AddDays(7) ? clock.Calendar.AddWorkingDays(start, -rng.Next(1, 3)) : start;
            var team = _earlyHelp[children[0].Id].First(e => e.StartDate == start).Team!;
            var h = _householdOf[children[0].Id];
            var c = NewContact(h, children, ContactPurpose.EarlyHelp, day, Source(day, h, children, ForEarlyHelp), latest: day == start ? 12 : 24, team: team, decideOn: start);
            if (c is not null) c.ViaMash = mash;
        }
    }

    /// <summary>A family that first became known in the two years became known through a contact that day.</summary>
    private void AddFirstKnown()
    {
        var planned = Contacts.Select(c => (c.Household, c.ReceivedOn)).ToHashSet();
        foreach (var h in _households.Where(h => h.FirstKnown >= _from && h.FirstKnown < asOf))
        {
            if (planned.Contains((h, h.FirstKnown))) continue;
            Routine(h, h.FirstKnown, Source(h.FirstKnown, h));
        }
    }

    /// <summary>Routine contacts up to the year's total, about families already known by then (those with an open case more often).</summary>
    private void AddRoutine(DateOnly from, DateOnly to, int target)
    {
        var count = Contacts.Count(c => c.ReceivedOn >= from && c.ReceivedOn < to);
        for (var n = count; n < target; n++)
        {
            for (var tries = 0; tries < 200; tries++)
            {
                var source = rng.Weighted(FrontDoorReferrers.Sources);
                var day = rng.DayBetween(from, to.AddDays(-1));
                if (!referrers.Works(source, day)) continue;
                var h = rng.Pick(_households);
                if (h.FirstKnown > day || Eligible(h, day, source).Count == 0) continue;
                // Families with an open case, or referred in the last year, come back to the front door more often.
                var weight = h.Children.Any(c => OpenOn(c, day) is not null) ? 3.0
                    : h.Children.Any(c => IsRepeat(c.Id, day)) ? 2.5
                    : _socialCare.ContainsKey(h.Children[0].Id) || _earlyHelp.ContainsKey(h.Children[0].Id) ? 1.5 : 1.0;
                if (!rng.Chance(weight / 3)) continue;
                if (Routine(h, day, source) is not null) break;
            }
        }
    }

    /// <summary>Three contacts this week about children the demo social worker holds, so their work list shows new information.</summary>
    private void AddDemoNewInformation()
    {
        var worker = staff.WellKnown[Roles.SocialWorker];
        var days = Enumerable.Range(1, 5).Select(n => asOf.AddDays(-n)).Where(d => clock.Calendar.IsWorkingDay(d)).ToList();
        var held = _households.Where(h => h.Children.Any(c => OpenOn(c, days[^1])?.WorkerId == worker.Id)).Take(3).ToList();
        foreach (var h in held)
        {
            var day = rng.Pick(days);
            var children = h.Children.Where(c => OpenOn(c, day)?.WorkerId == worker.Id).ToList();
            NewContact(h, children, ContactPurpose.Routine, day, rng.Pick(["6", "2A", "3A"]));
        }
    }

    private PlannedContact? Routine(Household h, DateOnly day, string source)
    {
        var eligible = Eligible(h, day, source);
        var together = source is "6" or "1A" or "1B" or "1D" or "9" or "4" or "7" ? 0.75 : 0.3;
        var children = eligible.Count <= 4 && rng.Chance(together) ? eligible
            : eligible.OrderBy(_ => rng.Next()).Take(rng.Skewed(1, Math.Min(4, eligible.Count))).OrderBy(c => c.DateOfBirth).ToList();
        return NewContact(h, children, ContactPurpose.Routine, day, source);
    }

    /// <summary>Adds a contact from this source received on the day (before the hour given).</summary>
    private PlannedContact? NewContact(Household h, List<Person> children, ContactPurpose purpose, DateOnly day, string source,
        double latest = 24, Team? team = null, bool strategy = false, DateOnly? decideOn = null)
    {
        if (children.Count == 0) return null;
        var referrer = referrers.For(source);
        var received = referrers.TimeOn(source, day, 0, latest);
        var recorded = Recorded(referrer, received);
        // An email that came in last night is not typed in until the morning of day one: not in the system yet.
        if (recorded >= clock.DayOne) return null;
        var open = new Dictionary<Guid, Involvement>();
        foreach (var c in children)
            if (OpenOn(c, day) is { } i) open[c.Id] = i;
        var contact = new PlannedContact
        {
            Household = h, Children = children, Referrer = referrer, Purpose = purpose, ReceivedAtUtc = received, Open = open,
            Team = team, Strategy = strategy, DecideOn = decideOn, RecordedAtUtc = recorded,
        };
        Contacts.Add(contact);
        // The family is known from the day the contact was typed in (ChronologyBuilder adds them then).
        if (FrontDoorClock.UkDate(recorded) < h.FirstKnown) h.FirstKnown = FrontDoorClock.UkDate(recorded);
        return contact;
    }

    /// <summary>A source that works on the day and sees children of these ages (the family's, if none are given), from these weights.</summary>
    private string Source(DateOnly day, Household h, List<Person>? children = null, (string Code, double Weight)[]? weights = null)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var source = rng.Weighted(weights ?? FrontDoorReferrers.Sources);
            if (!referrers.Works(source, day)) continue;
            var (min, max) = FrontDoorReferrers.Ages(source);
            if ((children ?? Eligible(h, day, source)).Any(c => c.AgeOn(day) is not { } a ? min == 0 : a >= min && a <= max)) return source;
        }
        return "6";   // the police contact the front door every day, about children of any age
    }

    /// <summary>Sources leaning to what a contact led to: the police and health for a strategy discussion; schools, health and families for early help.</summary>
    private static readonly (string Code, double Weight)[] ForReferral = Weigh(c => FrontDoorCodes.IsPublicOrFamily(c) ? 0.6 : 1);
    private static readonly (string Code, double Weight)[] ForStrategy = Weigh(c => c == "6" ? 2.5 : c[0] == '3' ? 1.5 : FrontDoorCodes.IsPublicOrFamily(c) ? 0.3 : 1);
    private static readonly (string Code, double Weight)[] ForEarlyHelp = Weigh(c => c is "2A" or "1A" or "5D" ? 2 : c[0] == '3' ? 1.4 : c == "6" ? 0.4 : 1);

    private static (string Code, double Weight)[] Weigh(Func<string, double> boost) =>
        FrontDoorReferrers.Sources.Select(s => (s.Code, s.Weight * boost(s.Code))).ToArray();

    /// <summary>Children of the family born by the day and under 18, of an age this source sees.</summary>
    private List<Person> Eligible(Household h, DateOnly day, string source)
    {
        var (min, max) = FrontDoorReferrers.Ages(source);
        return h.Children.Where(c => c.DateOfBirth is { } dob && dob <= day && c.AgeOn(day) is { } a && a >= min && a <= max).ToList();
    }

    /// <summary>The child's open social care case on the day (one that started before it and had not ended), preferring an allocated one.</summary>
    public Involvement? OpenOn(Person child, DateOnly day)
    {
        if (!_socialCare.TryGetValue(child.Id, out var list)) return null;
        Involvement? found = null;
        foreach (var i in list)
            if (i.StartDate < day && (i.EndDate is null || i.EndDate > day) && (found is null || (found.WorkerId is null && i.WorkerId is not null))) found = i;
        return found;
    }

    /// <summary>
    /// When a contact is typed in: a partner types it themselves, calls are taken live (out of hours by the duty
    /// team, as are police notifications the police rate red), the rest wait for office hours.
    /// </summary>
    private DateTime Recorded(Referrer referrer, DateTime received) => referrer.Method switch
    {
        ContactMethod.PartnerPortal => received,
        ContactMethod.Phone or ContactMethod.InPerson => received.AddSeconds(rng.Next(300, 2400)),
        ContactMethod.PoliceNotification when referrer.PoliceRag == Rag.Red => received.AddSeconds(rng.Next(300, 2400)),
        _ => clock.Office(received.AddSeconds(rng.Next(600, 7200)), rng),
    };

    /// <summary>Picks the routine contacts that went to the MASH, so the year has its number of MASH cases; police and health most often.</summary>
    private void ChooseMash(DateOnly from, DateOnly to, int target)
    {
        var inYear = Contacts.Where(c => c.ReceivedOn >= from && c.ReceivedOn < to).ToList();
        var need = target - inYear.Count(c => c.ViaMash);
        var candidates = inYear.Where(c => c.Purpose == ContactPurpose.Routine && !c.AllOpen)
            .Select(c => (c, Key: -Math.Log(1 - rng.NextDouble()) / (c.Referrer.SourceCode[0] switch { '6' => 3.0, '3' => 2.0, '2' => 1.2, '1' or '9' => 0.4, _ => 1.0 })))
            .OrderBy(x => x.Key).Take(Math.Max(0, need));
        foreach (var (c, _) in candidates) c.ViaMash = true;
    }

    /// <summary>
    /// Some routine contacts go to the MASH and end "no further action" but met the threshold, so the DfE counts
    /// them as referrals: about one referral in six each year. As many as needed for the repeat referral rate are
    /// about children referred in the 12 months before (a family back at the front door soon after an assessment
    /// closed); the rest about anyone.
    /// </summary>
    private void ChooseCountedReferrals(DateOnly from, DateOnly to)
    {
        bool InYear(PlannedContact c) => c.ReceivedOn >= from && c.ReceivedOn < to;
        var anchors = Contacts.Where(c => c.Purpose == ContactPurpose.Referral && InYear(c)).SelectMany(c => c.NotOpen.Select(p => (p, c.ReceivedOn))).ToList();
        var repeats = anchors.Count(x => IsRepeat(x.p.Id, x.ReceivedOn));
        var wanted = (int)Math.Round(NfaReferralShare / (1 - NfaReferralShare) * anchors.Count);
        var extraRepeats = Math.Clamp((int)Math.Round(RepeatTarget * (anchors.Count + wanted)) - repeats, 0, wanted);
        var routine = Contacts.Where(c => c.Purpose == ContactPurpose.Routine && !c.AllOpen && InYear(c)).OrderBy(_ => rng.Next()).ToList();
        var recent = routine.Where(c => Repeats(c) > 0).ToList();
        var other = routine.Where(c => Repeats(c) == 0).ToList();
        // A contact about brothers and sisters counts each child, though perhaps only one was referred before.
        var counted = 0;
        for (var i = 0; i < recent.Count && extraRepeats > 0; i++)
        {
            (recent[i].ViaMash, recent[i].CountsAsReferral) = (true, true);
            extraRepeats -= Repeats(recent[i]);
            counted += recent[i].NotOpen.Count();
        }
        // The rest about anyone (in the earlier year, too few children were referred in the year before to repeat).
        for (var i = 0; i < other.Count && counted < wanted; i++)
        {
            (other[i].ViaMash, other[i].CountsAsReferral) = (true, true);
            counted += other[i].NotOpen.Count();
        }

        int Repeats(PlannedContact c) => c.NotOpen.Count(p => IsRepeat(p.Id, c.ReceivedOn));
    }

    /// <summary>Whether the child was referred (by an episode's contact) in the 12 months up to this day, not on it.</summary>
    private bool IsRepeat(Guid personId, DateOnly day) =>
        _referralDays.TryGetValue(personId, out var days) && days.Any(d => d < day && OpenCases.IsRepeat(d, day, 12));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
