using Microsoft.Extensions.Configuration;

namespace Safeguard.Core.Access.Log;

/// <summary>
/// Finds the access log's HMAC key outside the database: AccessLog:Key (base64, for example from an
/// environment variable or a secret store) or AccessLog:KeyFile (a file holding the base64 key).
/// </summary>
public static class AccessLogKey
{
    public static byte[] From(IConfiguration configuration)
    {
        var inline = configuration["AccessLog:Key"];
        if (!string.IsNullOrWhiteSpace(inline)) return Decode(inline, "AccessLog:Key");
        var file = configuration["AccessLog:KeyFile"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file))
                throw new InvalidOperationException($"The access log key file '{file}' does not exist. Create one with: ./safeguard audit new-key --file {file}");
            return Decode(File.ReadAllText(file).Trim(), file);
        }
        throw new InvalidOperationException("No access log key: set AccessLog:Key (base64) or AccessLog:KeyFile. See docs/operating.md.");
    }

    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static byte[] Decode(string base64, string where)
    {
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"The access log key in {where} is not valid base64."); }
    }
}
