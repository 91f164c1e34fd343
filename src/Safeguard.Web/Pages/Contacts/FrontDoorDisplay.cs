using Microsoft.AspNetCore.Html;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>How the front door's pages show stages, time left and long text.</summary>
public static class FrontDoorDisplay
{
    public static string StageColour(ContactStage stage) => stage switch
    {
        ContactStage.AwaitingScreening => "blue",
        ContactStage.NewInformation => "turquoise",
        ContactStage.WithMash => "purple",
        _ => "grey",
    };

    /// <summary>"3 h 10 min left" or "overdue by 2 h", and the tag colour: red once overdue.</summary>
    public static (string Text, string Colour) TimeLeft(DateTime dueUtc, DateTime nowUtc) =>
        (FrontDoorQueries.TimeLeft(dueUtc, nowUtc), dueUtc < nowUtc ? "red" : dueUtc < nowUtc.AddHours(2) ? "orange" : "grey");

    /// <summary>Text with its line breaks kept (the CSS shows them), encoded as usual.</summary>
    public static IHtmlContent Multiline(string? text) =>
        new HtmlContentBuilder().AppendHtml("<span class=\"app-multiline\">").Append(text ?? "").AppendHtml("</span>");

    public static string Source(string code) => FrontDoorCodes.ReferralSource.Label(code) ?? code;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };
}
