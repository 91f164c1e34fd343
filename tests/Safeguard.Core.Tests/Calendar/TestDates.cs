using System.Globalization;

namespace Safeguard.Core.Tests.Calendar;

internal static class TestDates
{
    /// <summary>Parses an ISO date such as "2026-12-24".</summary>
    public static DateOnly D(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
