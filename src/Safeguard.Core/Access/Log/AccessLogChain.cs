using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Access.Log;

/// <summary>
/// The hash chain's arithmetic: a canonical text form of an entry that reads the same back from SQLite and
/// PostgreSQL, and the HMAC that links each entry to the one before. The key never lives in the database.
/// </summary>
public sealed class AccessLogChain(byte[] key)
{
    public const int CheckpointEvery = 1000;
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly byte[] _key = key.Length >= 32 ? key : throw new ArgumentException("The access log key must be at least 32 bytes.", nameof(key));

    /// <summary>PostgreSQL keeps microseconds, .NET keeps 100 ns: drop the difference before hashing or storing.</summary>
    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <remarks>
    /// The sequence number is deliberately not hashed: the chain itself fixes the order, and leaving it out lets
    /// the verifier tell an inserted entry (its successor still follows the entry before it) from an altered one.
    /// </remarks>
    public static string Canonical(AccessLogEntry e) => string.Join('\u001f',
        DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.UserId, e.UserName, e.Action,
        e.PersonId?.ToString("N") ?? "",
        e.What, e.Changes ?? "", e.From ?? "");

    public string HashOf(string previousHash, AccessLogEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\u001e" + Canonical(entry));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, bytes));
    }

    public string SealOf(long sequence, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key,
            Encoding.UTF8.GetBytes("checkpoint\u001f" + sequence.ToString(CultureInfo.InvariantCulture) + "\u001f" + hash)));

    /// <summary>Turns waiting records into chained entries following the given tail of the log.</summary>
    public List<AccessLogEntry> Link(long lastSequence, string lastHash, IEnumerable<AccessRecord> records)
    {
        var entries = new List<AccessLogEntry>();
        foreach (var r in records)
        {
            var entry = new AccessLogEntry
            {
                Sequence = ++lastSequence,
                AtUtc = TruncateToMicroseconds(DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc)),
                UserId = r.UserId, UserName = r.UserName, Action = r.Action, PersonId = r.PersonId,
                What = r.What, Changes = r.Changes, From = r.From, Hash = "",
            };
            entry.Hash = lastHash = HashOf(lastHash, entry);
            entries.Add(entry);
        }
        return entries;
    }
}
