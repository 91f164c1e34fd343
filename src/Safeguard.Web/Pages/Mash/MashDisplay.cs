using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.Mash;

/// <summary>How the MASH's pages and the partner's view show ratings, clocks and requests, so every page reads the same.</summary>
public static class MashDisplay
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static IHtmlContent Tag(string text, string tagClass) =>
        new HtmlString($"<strong class=\"govuk-tag {tagClass}\">{HtmlEncoder.Default.Encode(text)}</strong>");

    public static IHtmlContent RagTag(Rag? rating, string unrated = "Not yet rated") =>
        Tag(rating is { } r ? Rags.Label(r) : unrated, Rags.TagClass(rating));

    /// <summary>"14:00 on Monday 23 November 2026": a due time a worker can act on.</summary>
    public static string Due(DateTime dueUtc) => Timescale.Describe(dueUtc);

    /// <summary>Time left as text, or a red "Overdue by ..." tag once the due time has passed.</summary>
    public static IHtmlContent TimeLeft(DateTime dueUtc, DateTime nowUtc)
    {
        var text = FrontDoorQueries.TimeLeft(dueUtc, nowUtc);
        return dueUtc < nowUtc
            ? Tag("Overdue by " + text["overdue by ".Length..], "govuk-tag--red")
            : new HtmlString(HtmlEncoder.Default.Encode(UpperFirst(text)));
    }

    /// <summary>Where a partner request stands: answered on time or late, outstanding, late, or withdrawn.</summary>
    public static (string Text, string TagClass) Status(InformationRequest r, DateTime nowUtc) =>
        r.WithdrawnAtUtc is not null && r.AnsweredAtUtc is null ? ("Withdrawn", "govuk-tag--grey")
        : r.AnsweredAtUtc is { } at ? at > r.DueAtUtc ? ("Answered late", "govuk-tag--orange") : ("Answered on time", "govuk-tag--green")
        : nowUtc > r.DueAtUtc ? ("Late", "govuk-tag--red")
        : ("Outstanding", "govuk-tag--blue");

    public static IHtmlContent StatusTag(InformationRequest r, DateTime nowUtc)
    {
        var (text, tagClass) = Status(r, nowUtc);
        return Tag(text, tagClass);
    }

    /// <summary>What someone typed, keeping their line breaks (for a summary list's value).</summary>
    public static IHtmlContent Lines(string? text) =>
        new HtmlString($"<span class=\"app-pre-line\">{HtmlEncoder.Default.Encode(text ?? "")}</span>");

    /// <summary>A file's size the way people say it: "240 KB", "2.4 MB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    private static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
