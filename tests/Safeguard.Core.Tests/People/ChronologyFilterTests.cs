using Safeguard.Core.Chronology;

namespace Safeguard.Core.Tests.People;

/// <summary>The chronology filter: significant only, one kind, and a period of UK days (whose edges move with British Summer Time).</summary>
public class ChronologyFilterTests
{
    private static ChronologyEntry At(DateTime utc, string kind = "Visit", bool significant = false) => new()
    {
        PersonId = Guid.Empty, OccurredAtUtc = utc, RecordedAtUtc = utc, RecordedBy = "Test", Area = "SocialWork", Kind = kind, Summary = kind, IsSignificant = significant,
    };

    private static List<DateTime> Pass(ChronologyFilter filter, params ChronologyEntry[] entries) =>
        [.. filter.Apply(entries.AsQueryable()).Select(e => e.OccurredAtUtc)];

    [Fact]
    public void APeriod_RunsFromTheStartOfTheFirstUkDay_ToTheEndOfTheLast_InSummerTime()
    {
        // 1 July: UK midnight is 23:00 UTC the day before.
        var lateOn30June = At(new DateTime(2026, 6, 30, 22, 59, 0, DateTimeKind.Utc));
        var justAfterUkMidnight = At(new DateTime(2026, 6, 30, 23, 1, 0, DateTimeKind.Utc));
        var lastMinuteOf31July = At(new DateTime(2026, 7, 31, 22, 59, 0, DateTimeKind.Utc));
        var first1August = At(new DateTime(2026, 7, 31, 23, 0, 0, DateTimeKind.Utc));

        var july = new ChronologyFilter(From: new DateOnly(2026, 7, 1), To: new DateOnly(2026, 7, 31));

        Assert.Equal([justAfterUkMidnight.OccurredAtUtc, lastMinuteOf31July.OccurredAtUtc], Pass(july, lateOn30June, justAfterUkMidnight, lastMinuteOf31July, first1August));
    }

    [Fact]
    public void InWinter_TheUkDayIsTheUtcDay()
    {
        var filter = new ChronologyFilter(From: new DateOnly(2026, 12, 1), To: new DateOnly(2026, 12, 1));
        Assert.Equal([new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)], Pass(filter,
            At(new DateTime(2026, 11, 30, 23, 59, 0, DateTimeKind.Utc)), At(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)), At(new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void SignificantOnly_AndOneKind_CombineWithEachOther()
    {
        var day = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        var entries = new[] { At(day, "Visit"), At(day.AddDays(1), "Visit", significant: true), At(day.AddDays(2), "Case note", significant: true) };

        Assert.Equal(2, Pass(new ChronologyFilter(SignificantOnly: true), entries).Count);
        Assert.Equal(2, Pass(new ChronologyFilter(Kind: "Visit"), entries).Count);
        Assert.Equal([day.AddDays(1)], Pass(new ChronologyFilter(SignificantOnly: true, Kind: "Visit"), entries));
        Assert.Equal(3, Pass(ChronologyFilter.All, entries).Count);
    }

    [Fact]
    public void Describe_SaysWhatTheDocumentHolds()
    {
        Assert.Equal("Every event", ChronologyFilter.All.Describe());
        Assert.Equal("Significant events only, from 1 January 2025, to 31 March 2025",
            new ChronologyFilter(SignificantOnly: true, From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 3, 31)).Describe());
        Assert.Equal("\"Visit\" only", new ChronologyFilter(Kind: "Visit").Describe());
    }
}
