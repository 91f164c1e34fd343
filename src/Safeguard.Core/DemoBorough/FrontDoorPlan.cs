using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>Why a contact is in the demo: it opened a social care episode or early help InvolvementBuilder made, or it is routine.</summary>
internal enum ContactPurpose { Referral, EarlyHelp, Routine }

/// <summary>A child's social care episode that a referral opened: when it ended (null while open) and the DfE's reason.</summary>
internal sealed record EpisodeEnd(DateOnly? ClosedOn, string? Reason);

/// <summary>
/// A contact decided on before any rows exist: who it is about, when it came in, and where it must end up.
/// The builder turns it into rows once the people have their numbers.
/// </summary>
internal sealed class PlannedContact
{
    public required Household Household { get; init; }
    public required List<Person> Children { get; init; }
    public required Referrer Referrer { get; init; }
    public required ContactPurpose Purpose { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Each child with an open social care case when it arrived: the involvement holding it.</summary>
    public Dictionary<Guid, Involvement> Open { get; init; } = [];
    public bool ViaMash { get; set; }
    /// <summary>A referral's team (or an early help team); null for routine contacts.</summary>
    public Team? Team { get; init; }
    public bool Strategy { get; init; }
    /// <summary>Early help: the day the episode started, which is the decision's day.</summary>
    public DateOnly? DecideOn { get; init; }
    /// <summary>A referral: how each child's episode ended.</summary>
    public Dictionary<Guid, EpisodeEnd> Episodes { get; init; } = [];
    /// <summary>A routine MASH case decided "no further action" that the DfE still counts as a referral.</summary>
    public bool CountsAsReferral { get; set; }
    /// <summary>When the children were matched to records: on recording, or (a partner's contact) by the contact service later; null if not yet.</summary>
    public DateTime? MatchedAtUtc { get; set; }
    public StaffUser? MatchedBy { get; set; }

    public DateOnly ReceivedOn => FrontDoorClock.UkDate(ReceivedAtUtc);
    public IEnumerable<Person> NotOpen => Children.Where(c => !Open.ContainsKey(c.Id));
    public bool AllOpen => Children.All(c => Open.ContainsKey(c.Id));
}

/// <summary>UK dates and office hours for the front door's timelines.</summary>
internal sealed class FrontDoorClock(WorkingDayCalendar calendar, DateOnly asOf)
{
    public const double OpensAt = 8.5, ClosesAt = 17.5;

    public WorkingDayCalendar Calendar => calendar;

    /// <summary>The demo's "now": the first moment of the as-of day. Nothing happens at or after it.</summary>
    public DateTime DayOne { get; } = At(asOf, 0);

    /// <summary>To the whole second: PostgreSQL keeps microseconds and SQLite more, so both hold the same moment.</summary>
    public static DateTime Whole(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), utc.Kind);

    public static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)));

    public static double UkHour(DateTime utc) => WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)).TimeOfDay.TotalHours;

    public static DateTime At(DateOnly day, double hour) =>
        WorkingDayCalendar.FromUkLocal(day.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Floor(hour * 3600))).UtcDateTime;

    public bool InOffice(DateTime utc)
    {
        var hour = UkHour(utc);
        return calendar.IsWorkingDay(UkDate(utc)) && hour >= OpensAt && hour < ClosesAt;
    }

    /// <summary>The moment itself in office hours; otherwise early on the next working morning.</summary>
    public DateTime Office(DateTime utc, Random rng)
    {
        if (InOffice(utc)) return utc;
        var day = UkDate(utc);
        if (!calendar.IsWorkingDay(day) || UkHour(utc) >= ClosesAt) day = calendar.AddWorkingDays(day, 1);
        return At(day, OpensAt + (rng.NextDouble() * 1.5));
    }

    /// <summary>The last office-hours moment up to a due time: the due time itself if in office hours, else the close of the working day before.</summary>
    public DateTime OfficeBefore(DateTime due)
    {
        if (InOffice(due)) return due;
        var day = UkDate(due);
        if (!calendar.IsWorkingDay(day) || UkHour(due) < OpensAt) day = calendar.AddWorkingDays(day, -1);
        return At(day, ClosesAt);
    }

    /// <summary>A random office-hours moment on a working day a number of working days after this one.</summary>
    public DateTime WorkingDaysLater(DateTime utc, int days, Random rng) =>
        At(calendar.AddWorkingDays(UkDate(utc), days), OpensAt + (rng.NextDouble() * (ClosesAt - OpensAt - 0.5)));
}
