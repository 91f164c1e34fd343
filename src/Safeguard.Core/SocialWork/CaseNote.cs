using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum CaseNoteType { Telephone, EmailOrLetter, OfficeVisit, DirectWork, ProfessionalsMeeting, ManagementDiscussion, Other }

/// <summary>
/// A case note: what happened, of what type, who was seen, and whether it was a significant event. Editing keeps
/// the earlier text as a <see cref="CaseNoteVersion"/>; nothing is deleted.
/// </summary>
public class CaseNote : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public CaseNoteType Type { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public bool Significant { get; set; }
    public string? WhoWasSeen { get; set; }
    public required string Text { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateTime? EditedAtUtc { get; set; }
    /// <summary>The chronology entry that shows it, kept in step when the note is edited.</summary>
    public long? ChronologyEntryId { get; set; }
    public Guid Version { get; set; }
    public List<CaseNoteVersion> Versions { get; set; } = [];
}

/// <summary>A case note as it was before an edit.</summary>
public class CaseNoteVersion
{
    public int Id { get; set; }
    public int CaseNoteId { get; set; }
    public CaseNoteType Type { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public bool Significant { get; set; }
    public string? WhoWasSeen { get; set; }
    public required string Text { get; set; }
    /// <summary>When this version was replaced, and by whom.</summary>
    public DateTime ReplacedAtUtc { get; set; }
    public required string ReplacedByName { get; set; }
}
