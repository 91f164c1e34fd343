using Safeguard.Core.Access.Log;

namespace Safeguard.TestCommon;

/// <summary>A fixed access log key for tests (never used outside them).</summary>
public static class TestKeys
{
    public static readonly byte[] AccessLog = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static string AccessLogBase64 => Convert.ToBase64String(AccessLog);
    public static AccessLogChain Chain() => new(AccessLog);
}
