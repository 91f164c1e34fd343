using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Access;

/// <summary>
/// A personal token for the JSON API, created by a signed-in user. Only its SHA-256 hash is stored, so the
/// database never holds a usable token; it acts with its owner's roles and can be revoked.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    /// <summary>The first characters, shown so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    public const string Marker = "sgt_";

    public static string NewSecret() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
