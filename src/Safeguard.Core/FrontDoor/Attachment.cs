namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A document stored with a contact or with a partner's answer: a referral form, a police notification,
/// a photograph. Kept in the database with the record it belongs to, and logged when opened like it.
/// </summary>
public class Attachment
{
    public int Id { get; set; }
    public int? ContactId { get; set; }
    public int? InformationRequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>SHA-256 of the content, hex: shows the file is the one uploaded.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string UploadedById { get; set; }
    public required string UploadedByName { get; set; }
}
