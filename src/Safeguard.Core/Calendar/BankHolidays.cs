using System.Globalization;

namespace Safeguard.Core.Calendar;

/// <summary>
/// England and Wales bank holidays. The list is data, not rules: it is read from the
/// embedded bank-holidays.csv (2000 to 2030, only the weekdays actually taken off,
/// so substitute days are listed and a Christmas Day that falls on a Saturday is not).
/// A council can add its own closure days, e.g. an extra day at Christmas.
/// </summary>
public sealed class BankHolidays
{
    private const string ResourceName = "Safeguard.Core.Calendar.bank-holidays.csv";

    private readonly Dictionary<DateOnly, string> _names = [];

    /// <summary>The England and Wales bank holidays only.</summary>
    public BankHolidays()
        : this([])
    {
    }

    /// <summary>
    /// The England and Wales bank holidays plus the council's own days off.
    /// A council day on a date that is already listed replaces that day's name.
    /// </summary>
    public BankHolidays(IEnumerable<(DateOnly Date, string Name)> councilDays)
    {
        var published = ReadEmbeddedCsv();
        foreach (var (date, name) in published)
        {
            _names[date] = name;
        }

        LastYear = published.Max(day => day.Date).Year;

        foreach (var (date, name) in councilDays)
        {
            _names[date] = name;
        }

        All = _names.OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value)).ToList();
    }

    /// <summary>
    /// The last year the published list covers (council days do not extend it).
    /// After it only weekends count as days off, so the CSV must be extended before then.
    /// </summary>
    public int LastYear { get; }

    /// <summary>Every holiday, earliest first.</summary>
    public IReadOnlyList<(DateOnly Date, string Name)> All { get; }

    public bool IsHoliday(DateOnly date) => _names.ContainsKey(date);

    /// <summary>The holiday's name, or null when the date is not a holiday.</summary>
    public string? NameOf(DateOnly date) => _names.GetValueOrDefault(date);

    // The file is "date,name" with a header line and no quoting:
    // the name is everything after the first comma.
    private static List<(DateOnly Date, string Name)> ReadEmbeddedCsv()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);

        var days = new List<(DateOnly, string)>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                throw new FormatException($"Bad line in {ResourceName}: '{line}'");
            }

            var date = DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            days.Add((date, line[(comma + 1)..].Trim()));
        }

        return days;
    }
}
