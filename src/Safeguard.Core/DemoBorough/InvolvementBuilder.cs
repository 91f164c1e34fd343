using Safeguard.Core.Access;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Gives the families their cases: the open involvements on the as-of date (near the seeds' borough's
/// figures), the history that led to them (assessments, earlier plans), and closed episodes of other
/// families. Brothers and sisters share an episode and a worker. Open cases go to the worker with most room
/// under a personal target around their team's caseload capacity, so some workers are busy and some light.
/// </summary>
internal sealed class InvolvementBuilder(Random rng, DateOnly asOf, DemoStaff staff)
{
    /// <summary>One step of a family's history: the same dates, team and worker for each child in it.</summary>
    private sealed record Episode(InvolvementKind Kind, DateOnly Start, DateOnly? End, Team Team, StaffUser? Worker);

    private static readonly InvolvementKind[] OpenKinds =
        [InvolvementKind.LookedAfter, InvolvementKind.ChildProtection, InvolvementKind.ChildInNeed, InvolvementKind.Assessment, InvolvementKind.EarlyHelp];

    private static readonly (InvolvementKind, double)[] ClosedKinds =
    [
        (InvolvementKind.EarlyHelp, 40), (InvolvementKind.Assessment, 35), (InvolvementKind.ChildInNeed, 15),
        (InvolvementKind.ChildProtection, 7), (InvolvementKind.LookedAfter, 3),
    ];

    private readonly List<Involvement> _involvements = [];
    private readonly Dictionary<StaffUser, int> _load = [];
    private readonly Dictionary<StaffUser, int> _target = [];

    public List<Involvement> Build(DemoFamilies families, double size)
    {
        var candidates = families.Households.Where(h => h.CareLeaver is null && h.BornChildren.Any()).OrderBy(_ => rng.Next()).ToList();
        var open = new HashSet<Household>();
        foreach (var kind in OpenKinds)
        {
            var target = (int)Math.Round(DemoVolumes.OpenTarget(kind) * size);
            var count = 0;
            // A few child protection plans start before the baby is born.
            var first = kind == InvolvementKind.ChildProtection ? candidates.Where(h => h.Children.Any(c => c.IsUnborn)).Take((int)Math.Ceiling(6 * size)) : [];
            foreach (var h in first.Concat(candidates).Where(h => !open.Contains(h) && Suits(h, kind)))
            {
                if (count >= target) break;
                open.Add(h);
                count += AddOpen(h, kind);
            }
        }
        foreach (var h in families.Households.Where(h => h.CareLeaver is not null)) AddCareLeaver(h);
        // A third of the other families were known before: an early help episode, an assessment that ended, a past
        // plan. More would give the last two years more referrals than the seeds' borough's 1,300 a year.
        foreach (var h in candidates.Where(h => !open.Contains(h) && rng.Chance(0.34)))
        {
            var ended = AddClosed(h, DateOnly.MinValue);
            if (ended is not null && rng.Chance(0.15)) AddClosed(h, ended.Value.AddDays(rng.Next(30, 365)));
        }
        return _involvements;
    }

    /// <summary>
    /// Leans each kind towards the families it usually concerns: care towards teenagers, child protection
    /// towards younger children (and now and then an unborn baby); anyone can need the rest.
    /// </summary>
    private bool Suits(Household h, InvolvementKind kind) => kind switch
    {
        InvolvementKind.LookedAfter => h.BornChildren.Max(c => c.AgeOn(asOf)) >= 10 || rng.Chance(0.3),
        InvolvementKind.ChildProtection => h.Children.Any(c => c.IsUnborn) || h.BornChildren.Min(c => c.AgeOn(asOf)) < 8 || rng.Chance(0.6),
        _ => true,
    };

    private int AddOpen(Household h, InvolvementKind kind)
    {
        var children = kind switch
        {
            // Usually one child comes into care, sometimes two; teenagers more often than babies.
            InvolvementKind.LookedAfter => h.BornChildren.OrderByDescending(c => rng.NextDouble() + c.AgeOn(asOf)!.Value / 8.0).Take(rng.Chance(0.3) ? 2 : 1).ToList(),
            // Unborn children can have a plan before birth.
            InvolvementKind.ChildProtection => h.Children.ToList(),
            _ => h.BornChildren.ToList(),
        };
        var daysAgo = kind switch
        {
            // Most open assessments are within their 45 working days; some have run past them.
            InvolvementKind.Assessment => rng.Chance(0.12) ? rng.Next(60, 85) : rng.Next(1, 60),
            // Many child in need plans run for years (a disabled child's, say): over a third of those open began more than two years ago.
            InvolvementKind.ChildInNeed => rng.Skewed(20, 1300, 1.1),
            // The longest few run on past two years (a plan the board watches): the top of the range is stretched out.
            InvolvementKind.ChildProtection => Stretched(rng.Skewed(5, 730, 1.8)),
            InvolvementKind.LookedAfter => rng.Skewed(10, DemoVolumes.YearsOfHistory * 365, 1.5),
            _ => rng.Skewed(7, 450, 1.5),
        };
        var start = asOf.AddDays(-daysAgo).Weekday();
        var history = HistoryBefore(kind, start);
        var open = Open(kind, start, children.Count);
        foreach (var c in children)
        {
            foreach (var e in history) Add(h, c, e);
            Add(h, c, open);
        }
        return children.Count;
    }

    /// <summary>What usually came before an open case: an assessment, and sometimes early help or an earlier plan.</summary>
    private List<Episode> HistoryBefore(InvolvementKind kind, DateOnly start)
    {
        var history = new List<Episode>();
        void Before(InvolvementKind k, int minDays, int maxDays, DateOnly end) =>
            history.Insert(0, Past(k, end.AddDays(-rng.Next(minDays, maxDays)).Weekday(), end));

        switch (kind)
        {
            case InvolvementKind.ChildInNeed:
                var (shortest, longest) = AssessmentDays(20, 65);
                Before(InvolvementKind.Assessment, shortest, longest, start);
                if (rng.Chance(0.25)) Before(InvolvementKind.EarlyHelp, 60, 400, history[0].Start.AddDays(-rng.Next(0, 200)));
                break;
            case InvolvementKind.ChildProtection:
                // A child already on a child in need plan stays a child in need until the conference decides on a plan
                // (the section 47 enquiry happens within that case); others come from an assessment.
                if (rng.Chance(0.35)) Before(InvolvementKind.ChildInNeed, 60, 400, start);
                else Before(InvolvementKind.Assessment, 15, 45, start);
                // About one plan in five is a repeat (the seeds' 21%): an earlier plan, some of them ended less than two years
                // before. Many more are drawn, as an earlier plan before a young child's birth is left out.
                if (rng.Chance(0.45)) EarlierPlan(history);
                break;
            case InvolvementKind.LookedAfter:
                if (rng.Chance(0.5)) Before(InvolvementKind.ChildProtection, 90, 540, start);
                Before(InvolvementKind.Assessment, 10, 45, history.Count > 0 ? history[0].Start : start);
                break;
            case InvolvementKind.Assessment or InvolvementKind.EarlyHelp:
                if (rng.Chance(kind == InvolvementKind.Assessment ? 0.15 : 0.1)) Before(InvolvementKind.EarlyHelp, 60, 365, start.AddDays(-rng.Next(30, 500)));
                break;
        }
        return history;
    }

    /// <summary>
    /// An earlier child protection plan before the history of the current one (assessed first, and now and then stepped
    /// down to child in need): just under half ended within two years of the new history's start.
    /// </summary>
    private void EarlierPlan(List<Episode> history)
    {
        var next = history[0].Start;
        var ended = next.AddDays(-(rng.Chance(0.45) ? rng.Next(45, 640) : rng.Next(760, 1400))).Weekday();
        var started = ended.AddDays(-rng.Next(120, 450)).Weekday();
        var earlier = new List<Episode> { Past(InvolvementKind.Assessment, started.AddDays(-rng.Next(15, 45)).Weekday(), started), Past(InvolvementKind.ChildProtection, started, ended) };
        var stepDownEnd = ended.AddDays(rng.Next(60, 300)).Weekday();
        if (rng.Chance(0.5) && stepDownEnd < next.AddDays(-30)) earlier.Add(Past(InvolvementKind.ChildInNeed, ended, stepDownEnd));
        history.InsertRange(0, earlier);
    }

    /// <summary>Days since an open plan began: the top few percent (past 660 days) spread out to over three years.</summary>
    private static int Stretched(int days) => days <= 660 ? days : 660 + ((days - 660) * 8);

    /// <summary>A young person who left care at 18: looked after for some years, then a care leaver, still open until 21 (or 25).</summary>
    private void AddCareLeaver(Household h)
    {
        var young = h.CareLeaver!;
        var dob = young.DateOfBirth!.Value;
        var at18 = dob.AddYears(18).Weekday();
        // In care for one to eight years before 18, though the record goes back no further than the history does.
        var cameIntoCare = at18.AddYears(-rng.Next(1, 9)).AddDays(-rng.Next(0, 365)).Weekday();
        var earliest = asOf.AddYears(-DemoVolumes.YearsOfHistory - 4);
        if (cameIntoCare < earliest) cameIntoCare = earliest.AddDays(rng.Next(0, 365)).Weekday();
        var stillOpen = young.AgeOn(asOf) < 22 || rng.Chance(0.25);
        Add(h, young, Past(InvolvementKind.Assessment, cameIntoCare.AddDays(-rng.Next(10, 45)).Weekday(), cameIntoCare));
        Add(h, young, Past(InvolvementKind.LookedAfter, cameIntoCare, at18));
        Add(h, young, stillOpen ? Open(InvolvementKind.CareLeaver, at18, 1) : Past(InvolvementKind.CareLeaver, at18, dob.AddYears(21).Weekday()));
    }

    /// <summary>
    /// A closed episode some time in the family's history (not before <paramref name="notBefore"/>), with what
    /// followed from it. Returns the day the last part ended, or null when there was no room for it.
    /// </summary>
    private DateOnly? AddClosed(Household h, DateOnly notBefore)
    {
        var kind = rng.Weighted(ClosedKinds);
        // Any time in the six years once the eldest child was born, not only after the family's first contact:
        // counting from a random first contact piled most of the history into the last two years. An episode
        // before the first contact moves the family's first contact back to it (see Add).
        var eldest = h.BornChildren.Min(c => c.DateOfBirth!.Value);
        var from = Later(Later(eldest, asOf.AddYears(-DemoVolumes.YearsOfHistory)), notBefore);
        if (from > asOf.AddDays(-90)) return null;
        var start = rng.DayBetween(from, asOf.AddDays(-90)).Weekday();
        var steps = new List<(InvolvementKind Kind, DateOnly Start, DateOnly End)>();
        var (least, most) = AssessmentDays(10, 60);
        var end = start.AddDays(kind == InvolvementKind.EarlyHelp ? rng.Next(60, 365) : rng.Next(least, most)).Weekday();
        steps.Add((kind == InvolvementKind.EarlyHelp ? kind : InvolvementKind.Assessment, start, end));
        if (kind is not (InvolvementKind.EarlyHelp or InvolvementKind.Assessment))
        {
            var planEnd = end.AddDays(kind switch { InvolvementKind.ChildInNeed => rng.Next(90, 540), InvolvementKind.ChildProtection => rng.Next(90, 600), _ => rng.Next(30, 700) }).Weekday();
            steps.Add((kind, end, planEnd));
            if (kind == InvolvementKind.ChildProtection && rng.Chance(0.5)) steps.Add((InvolvementKind.ChildInNeed, planEnd, planEnd.AddDays(rng.Next(60, 300)).Weekday()));
        }
        // All of it has ended: if it would run past the as-of date, it happened that many weeks earlier.
        var latest = asOf.AddDays(-rng.Next(1, 120));
        var weeks = (int)Math.Ceiling(Math.Max(0, steps[^1].End.DayNumber - latest.DayNumber) / 7.0);
        steps = steps.Select(x => (x.Kind, x.Start.AddDays(-7 * weeks), x.End.AddDays(-7 * weeks))).ToList();
        if (steps[0].Start < notBefore) return null;

        var episodes = steps.Select(x => Past(x.Kind, x.Start, x.End)).ToList();
        var children = h.BornChildren.ToList();
        if (kind == InvolvementKind.LookedAfter) children = children.Take(1).ToList();
        // Brothers and sisters are usually referred together, but now and then the worry is about one child alone.
        else if (kind != InvolvementKind.EarlyHelp && children.Count > 1 && rng.Chance(0.3)) children = [rng.Pick(children)];
        foreach (var c in children)
            foreach (var e in episodes)
                Add(h, c, e);
        return steps[^1].End;
    }

    /// <summary>
    /// How long an assessment runs, in calendar days: usually within the 45 working days (about 63 days), but
    /// some run longer: SocialWorkBuilder authorises an assessment on the day its case ends, so these are the 15-20%
    /// authorised after the 45 working days.
    /// </summary>
    private (int Min, int Max) AssessmentDays(int min, int max) => rng.Chance(0.2) ? (68, 110) : (min, max);

    private Episode Open(InvolvementKind kind, DateOnly start, int children)
    {
        var (team, worker) = Allocate(kind, children);
        return new Episode(kind, start, null, team, worker);
    }

    private Episode Past(InvolvementKind kind, DateOnly start, DateOnly end)
    {
        var team = Historic(kind);
        var workers = staff.Workers[team].Concat(staff.Leavers[team]).ToList();
        return new Episode(kind, start, end, team, rng.Pick(workers));
    }

    private Team Historic(InvolvementKind kind) => rng.Pick(staff.TeamsOf(DemoVolumes.TeamFor(kind)).ToList());

    /// <summary>
    /// Adds an episode for one child, trimmed to their life (an episode before their birth starts at birth;
    /// one that ended before it is left out) and to the as-of date.
    /// </summary>
    private void Add(Household h, Person child, Episode e)
    {
        var start = e.Start;
        if (child.DateOfBirth is { } dob) start = Later(start, dob);
        else if (child.ExpectedDateOfBirth is { } expected) start = Later(start, expected.AddDays(-180));
        var end = e.End is { } x && x >= asOf ? asOf.AddDays(-1) : e.End;
        if (start >= asOf || (end is not null && end <= start)) return;
        _involvements.Add(new Involvement
        {
            Id = _involvements.Count + 1, PersonId = child.Id, Kind = e.Kind, StartDate = start, EndDate = end,
            TeamId = e.Team.Id, Team = e.Team, WorkerId = e.Worker?.Id, Worker = e.Worker,
        });
        if (start < h.FirstKnown) h.FirstKnown = start;
    }

    /// <summary>
    /// The worker with most room under their personal target takes the family's case; about one family in
    /// fifty is waiting for allocation (a team but no worker).
    /// </summary>
    private (Team, StaffUser?) Allocate(InvolvementKind kind, int children)
    {
        var teams = staff.TeamsOf(DemoVolumes.TeamFor(kind)).ToList();
        if (rng.Chance(0.02)) return (rng.Pick(teams), null);
        StaffUser? best = null;
        var bestRoom = int.MinValue;
        foreach (var team in teams)
        {
            foreach (var w in staff.Workers[team])
            {
                if (!_target.TryGetValue(w, out var target))
                    _target[w] = target = (int)Math.Round(team.CaseloadCapacity!.Value * (0.6 + (rng.NextDouble() * 0.6)));
                var room = target - _load.GetValueOrDefault(w);
                if (room > bestRoom) (best, bestRoom) = (w, room);
            }
        }
        _load[best!] = _load.GetValueOrDefault(best!) + children;
        return (staff.TeamOf(best!), best);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
