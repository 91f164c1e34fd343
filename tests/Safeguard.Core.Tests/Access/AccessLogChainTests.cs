using Safeguard.Core.Access.Log;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Access;

public class AccessLogChainTests
{
    private static readonly DateTime At = new(2026, 3, 29, 0, 30, 15, DateTimeKind.Utc);

    private static AccessRecord View(string user, Guid? person = null) =>
        new(At, user, "Sam Worker", AccessAction.Viewed, person ?? Guid.Parse("0190a3c4-0000-7000-8000-000000000001"), "Person record", null, "127.0.0.1");

    [Fact]
    public void Link_NumbersEntriesAfterTheTailAndChainsEachToThePrevious()
    {
        var chain = TestKeys.Chain();
        var entries = chain.Link(41, "abc", [View("u1"), View("u2")]);

        Assert.Equal([42L, 43L], entries.Select(e => e.Sequence));
        Assert.Equal(chain.HashOf("abc", entries[0]), entries[0].Hash);
        Assert.Equal(chain.HashOf(entries[0].Hash, entries[1]), entries[1].Hash);
        Assert.NotEqual(entries[0].Hash, entries[1].Hash);
    }

    [Fact]
    public void Hash_ChangesWhenAnyFieldChanges()
    {
        var chain = TestKeys.Chain();
        var e = chain.Link(0, AccessLogChain.Genesis, [View("u1")])[0];
        var original = chain.HashOf(AccessLogChain.Genesis, e);

        e.What = "Person record (edited)";
        Assert.NotEqual(original, chain.HashOf(AccessLogChain.Genesis, e));
    }

    [Fact]
    public void Hash_DependsOnTheKey()
    {
        var entry = TestKeys.Chain().Link(0, AccessLogChain.Genesis, [View("u1")])[0];
        var otherKey = new AccessLogChain(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.NotEqual(entry.Hash, otherKey.HashOf(AccessLogChain.Genesis, entry));
    }

    [Fact]
    public void Link_TruncatesTimesToMicrosecondsSoTheyReadBackTheSameFromPostgres()
    {
        var precise = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        var entry = TestKeys.Chain().Link(0, AccessLogChain.Genesis, [View("u1") with { AtUtc = precise }])[0];

        Assert.Equal(0, entry.AtUtc.Ticks % 10);
        Assert.Equal(precise.Ticks - 7, entry.AtUtc.Ticks);
        Assert.Contains("12:00:00.123456Z", AccessLogChain.Canonical(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_SeparatesFieldsSoMovingTextBetweenFieldsChangesTheHash()
    {
        var chain = TestKeys.Chain();
        var a = chain.Link(0, AccessLogChain.Genesis, [View("u1") with { What = "ab", Changes = "c" }])[0];
        var b = chain.Link(0, AccessLogChain.Genesis, [View("u1") with { What = "a", Changes = "bc" }])[0];

        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Constructor_RefusesAShortKey()
    {
        Assert.Throws<ArgumentException>(() => new AccessLogChain(new byte[16]));
    }

    [Fact]
    public void Seal_BindsTheSequenceAndHash()
    {
        var chain = TestKeys.Chain();
        Assert.NotEqual(chain.SealOf(1000, "aa"), chain.SealOf(2000, "aa"));
        Assert.NotEqual(chain.SealOf(1000, "aa"), chain.SealOf(1000, "ab"));
        Assert.Equal(chain.SealOf(1000, "aa"), chain.SealOf(1000, "aa"));
    }
}
