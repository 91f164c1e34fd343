using Safeguard.Core.FrontDoor;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>A contact as plain text for `contacts show`: what a worker would read on its page, in the same order.</summary>
public static class ContactText
{
    public static void Write(TextWriter o, FrontDoorQueries.ContactView view)
    {
        var c = view.Contact;
        o.WriteLine($"Contact {c.Reference} (id {c.Id}): {Contact.Label(c.Stage).ToLowerInvariant()}");
        o.WriteLine($"Received {Uk(c.ReceivedAtUtc)} ({Contact.Label(c.Method).ToLowerInvariant()})");
        var source = FrontDoorCodes.ReferralSource.Label(c.SourceCode) ?? c.SourceCode;
        var who = string.Join(", ", new[] { c.ReferrerName, c.ReferrerRole, view.AgencyName, c.ReferrerContactDetails }.OfType<string>());
        o.WriteLine($"From {c.SourceCode} {source}{(who.Length == 0 ? "" : $": {who}")}");
        o.WriteLine("Children:");
        foreach (var (child, position) in view.Children.Select((c, i) => (c, i + 1)))
        {
            var notes = new List<string>();
            if (child.PersonId is null)
                notes.Add("not matched to a record" + (child.ReportedDateOfBirth is { } d ? $", born {d:dd/MM/yyyy}" : "") + (child.ReportedAddress is { } a ? $", {a}" : "")
                    + $": contacts match {c.Reference} --child {position} --person SG-...");
            else if (child.DateOfBirth is { } dob) notes.Add($"born {dob:dd/MM/yyyy}");
            if (child.HadOpenCase) notes.Add($"open case: new information for {child.NewInformationFor ?? "the team"}");
            if (child.EarlierReferral is { } e) notes.Add($"possible repeat: referred {e.ReferralDate:dd/MM/yyyy} ({e.ContactReference})");
            if (child.PossibleDuplicates.Count > 0) notes.Add("possible duplicates: " + string.Join(", ", child.PossibleDuplicates.Select(p => p.Reference)));
            o.WriteLine($"  {position}. {child.Name}{(child.SafeguardId is null ? "" : $" {child.SafeguardId}")}{(notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})")}");
        }
        if (c.Factors.Count > 0)
            o.WriteLine("Factors: " + string.Join("; ", c.Factors.Select(f => $"{f.Code} {FrontDoorCodes.Factors.Label(f.Code)}")));
        o.WriteLine("Concerns:");
        foreach (var line in c.Concerns.Split('\n')) o.WriteLine("  " + line.TrimEnd('\r'));
        if (c.ReferrerRequest is not null) o.WriteLine($"The referrer asks: {c.ReferrerRequest}");
        o.WriteLine($"Consent: {Contact.Label(c.Consent)}{(c.ConsentReason is null ? "" : $": {c.ConsentReason}")}");
        if (c.PoliceRag is { } rag) o.WriteLine($"Police RAG rating: {Rags.Label(rag)}");
        if (c.ScreeningOutcome is { } outcome)
            o.WriteLine($"Screened {Uk(c.ScreenedAtUtc!.Value)} by {c.ScreenedByName}: {Contact.Label(outcome)}{(view.ToTeamName is null ? "" : $" ({view.ToTeamName})")}. {c.ScreeningReason}");
        else if (c.Stage == ContactStage.AwaitingScreening)
            o.WriteLine($"Screening due {Uk(c.ScreeningDueAtUtc)}");
        if (view.MashCaseId is { } mash) o.WriteLine($"MASH case {mash}");
        if (c.ReferrerToldOn is { } told) o.WriteLine($"Referrer told on {told:dd/MM/yyyy} ({c.ReferrerToldHow})");
        o.WriteLine($"Recorded {Uk(c.RecordedAtUtc)} by {c.RecordedByName}");
    }
}
