using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Keeps what someone is typing into a long form on the server (as they type, with JavaScript; on every save,
/// without), so an expired sign-in or a closed browser loses nothing. A draft is only ever read back by the person
/// who typed it, and only while they may still open the child's case; saving the form for real discards it.
/// </summary>
public sealed partial class FormDrafts(SafeguardDbContext db, CaseAccess cases, TimeProvider clock)
{
    public const int MaxChars = 200_000;

    /// <summary>"assessment/42": a form's name and the id of what it edits.</summary>
    [GeneratedRegex("^(?<form>[a-z-]{1,40})/(?<id>[0-9a-f-]{1,40})$")]
    private static partial Regex KeyPattern();

    /// <summary>The child whose case a draft belongs to, so drafts follow case access. Each form that keeps drafts is listed here.</summary>
    private async Task<Guid?> ChildOfAsync(string formKey, CancellationToken ct)
    {
        var match = KeyPattern().Match(formKey);
        if (!match.Success) return null;
        var id = match.Groups["id"].Value;
        return match.Groups["form"].Value switch
        {
            "assessment" when int.TryParse(id, out var a) => await db.Assessments.Where(x => x.Id == a).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(ct),
            // Forms that create a record for a child are keyed by the child.
            "visit" or "case-note" or "oversight" or "plan" when Guid.TryParse(id, out var p) => p,
            "plan-edit" when int.TryParse(id, out var pl) => await db.ChildInNeedPlans.Where(x => x.Id == pl).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(ct),
            "meeting" when int.TryParse(id, out var m) => await db.ChildInNeedMeetings.Where(x => x.Id == m).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(ct),
            "case-note-edit" when int.TryParse(id, out var n) => await db.CaseNotes.Where(x => x.Id == n).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    /// <summary>The person's draft of this form, or null. Refused (null) when the form is unknown or the case is not theirs to open.</summary>
    public async Task<FormDraft?> FindAsync(Actor actor, string formKey, CancellationToken ct = default)
    {
        if (await ChildOfAsync(formKey, ct) is not { } child || !await cases.CanOpenAsync(actor, child, ct)) return null;
        return await db.FormDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == actor.UserId && d.FormKey == formKey, ct);
    }

    /// <summary>Keeps the fields typed so far, replacing the previous draft. False when the form is unknown or not theirs.</summary>
    public async Task<bool> SaveAsync(Actor actor, string formKey, IReadOnlyDictionary<string, string?> fields, CancellationToken ct = default)
    {
        if (await ChildOfAsync(formKey, ct) is not { } child || !await cases.CanOpenAsync(actor, child, ct)) return false;
        var json = JsonSerializer.Serialize(fields);
        if (json.Length > MaxChars) throw Refuse.Invalid("Fields", $"The draft is too long to keep ({MaxChars:N0} characters at most)");
        var draft = await db.FormDrafts.FirstOrDefaultAsync(d => d.UserId == actor.UserId && d.FormKey == formKey, ct);
        if (draft is null) db.FormDrafts.Add(draft = new FormDraft { UserId = actor.UserId, FormKey = formKey, Fields = json });
        draft.Fields = json;
        draft.SavedAtUtc = clock.GetUtcNow().UtcDateTime;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two tabs saving the first draft at once: the other one won; keep this one over it.
            db.ChangeTracker.Clear();
            var existing = await db.FormDrafts.FirstAsync(d => d.UserId == actor.UserId && d.FormKey == formKey, ct);
            existing.Fields = json;
            existing.SavedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Removes the person's draft once the form is saved for real (a draft is scratch, not the record).</summary>
    public async Task DiscardAsync(Actor actor, string formKey, CancellationToken ct = default) =>
        await db.FormDrafts.Where(d => d.UserId == actor.UserId && d.FormKey == formKey).ExecuteDeleteAsync(ct);

    public static Dictionary<string, string?> Fields(FormDraft draft) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(draft.Fields) ?? [];
}
