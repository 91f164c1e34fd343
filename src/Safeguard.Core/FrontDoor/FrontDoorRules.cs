using Microsoft.Extensions.Configuration;
using Safeguard.Core.Calendar;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The council's front-door rules: its timescales and the windows for repeat referrals and duplicate contacts.
/// Read from the "FrontDoor" section of the configuration; every value has the default in docs/timescales.md.
/// </summary>
public sealed class FrontDoorRules
{
    /// <summary>The screening decision on a contact (Working Together: 1 working day).</summary>
    public Timescale Screening { get; init; } = new(1, TimescaleUnit.WorkingDays);

    /// <summary>The MASH decision, by rating. An unrated case runs on the police's rating if given, else as red.</summary>
    public IReadOnlyDictionary<Rag, Timescale> MashDecision { get; init; } = new Dictionary<Rag, Timescale>
    {
        [Rag.RedImminentDanger] = new(4, TimescaleUnit.Hours),
        [Rag.Red] = new(24, TimescaleUnit.Hours),
        [Rag.Amber] = new(3, TimescaleUnit.WorkingDays),
        [Rag.Green] = new(3, TimescaleUnit.WorkingDays),
        [Rag.Blue] = new(3, TimescaleUnit.WorkingDays),
    };

    /// <summary>A partner's answer to an information request, by the rating when it was sent.</summary>
    public IReadOnlyDictionary<Rag, Timescale> PartnerAnswer { get; init; } = new Dictionary<Rag, Timescale>
    {
        [Rag.RedImminentDanger] = new(1, TimescaleUnit.Hours),
        [Rag.Red] = new(12, TimescaleUnit.Hours),
        [Rag.Amber] = new(1, TimescaleUnit.WorkingDays),
        [Rag.Green] = new(2, TimescaleUnit.WorkingDays),
        [Rag.Blue] = new(2, TimescaleUnit.WorkingDays),
    };

    /// <summary>A child referred this many months before a contact is flagged as a possible repeat referral.</summary>
    public int RepeatReferralMonths { get; init; } = 12;

    /// <summary>Contacts about the same child this many days apart are shown side by side as possible duplicates.</summary>
    public int DuplicateWindowDays { get; init; } = 5;

    /// <summary>Reads the "FrontDoor" section; anything not set keeps its default. Bad values stop the app with a message naming the key.</summary>
    public static FrontDoorRules From(IConfiguration config)
    {
        var section = config.GetSection("FrontDoor");
        var defaults = new FrontDoorRules();
        return new FrontDoorRules
        {
            Screening = TimescaleSetting.Read(section, "Screening") ?? defaults.Screening,
            MashDecision = ByRag(section.GetSection("MashDecision"), defaults.MashDecision),
            PartnerAnswer = ByRag(section.GetSection("PartnerAnswer"), defaults.PartnerAnswer),
            RepeatReferralMonths = section.GetValue("RepeatReferralMonths", defaults.RepeatReferralMonths),
            DuplicateWindowDays = section.GetValue("DuplicateWindowDays", defaults.DuplicateWindowDays),
        };
    }

    private static Dictionary<Rag, Timescale> ByRag(IConfigurationSection section, IReadOnlyDictionary<Rag, Timescale> defaults) =>
        Enum.GetValues<Rag>().ToDictionary(r => r, r => TimescaleSetting.Read(section, r.ToString()) ?? defaults[r]);

    public DateTime ScreeningDue(DateTime receivedAtUtc, WorkingDayCalendar calendar) => Screening.DueAtUtc(receivedAtUtc, calendar);

    /// <summary>The MASH decision's due time: counted from the contact's receipt, by the current rating.</summary>
    public DateTime MashDue(DateTime receivedAtUtc, Rag? current, Rag? policeRag, WorkingDayCalendar calendar) =>
        MashDecision[current ?? policeRag ?? Rag.Red].DueAtUtc(receivedAtUtc, calendar);

    public DateTime AnswerDue(DateTime sentAtUtc, Rag rating, WorkingDayCalendar calendar) => PartnerAnswer[rating].DueAtUtc(sentAtUtc, calendar);
}
