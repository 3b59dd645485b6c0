using BackOffice.Core.Audit;

namespace BackOffice.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly AuditActor Admin = new("admin", "Ada Admin", "provider", ["Platform.Admin"]);

    private static AuditRecord Record(int minute, string action = "work-item.submitted") =>
        new("acme", Now.AddMinutes(minute), Admin, action, $"work-item/{minute}", new Dictionary<string, string> { ["n"] = $"{minute}" });

    /// <summary>Entries 1..n chained one after the other, as a store does.</summary>
    public static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        foreach (var i in Enumerable.Range(1, count))
            entries.Add(AuditEntry.Chain(Record(i), entries.Count == 0 ? null : new AuditHead(entries[^1].Sequence, entries[^1].Hash)));
        return entries;
    }

    /// <summary>The expected value was computed with sha256sum over the canonical form written out by hand: an independent implementation.</summary>
    [Fact]
    public void Hash_IsSha256OfTheDocumentedCanonicalForm_WithDetailKeysSorted()
    {
        var detail = new Dictionary<string, string> { ["status"] = "active", ["b"] = "2" };
        var record = new AuditRecord("acme", Now, Admin, "tenant.status-changed", "tenant/acme", detail);

        var entry = AuditEntry.Chain(record, null);

        Assert.Equal((1, AuditHash.Genesis), (entry.Sequence, entry.PreviousHash));
        Assert.Equal("e11ecce5b0b0a3081c953a9d8da169e1e88b7db7b42a13d5e29db9fb1fee216f", entry.Hash);
    }

    [Fact]
    public void Verify_AnIntactChain_IsOk_AndEndsAtItsHead()
    {
        var entries = Chain(5);

        var check = AuditVerifier.Verify(entries, "acme", new AuditHead(5, entries[^1].Hash));

        Assert.True(check.Ok, check.Reason);
        Assert.Equal((5L, entries[^1].Hash), (check.Entries, check.LastHash));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Verify_AChangedEntry_FailsAtExactlyThatEntry(int changed)
    {
        var entries = Chain(5);
        entries[changed - 1] = entries[changed - 1] with { Action = "nothing-to-see" };

        var check = AuditVerifier.Verify(entries, "acme");

        Assert.Equal((false, changed), (check.Ok, check.FirstBadSequence));
        Assert.Contains("hash does not match", check.Reason);
    }

    [Fact]
    public void Verify_AChangedEntryWithARecomputedHash_FailsAtTheNextEntry_WhoseLinkNoLongerHolds()
    {
        var entries = Chain(5);
        var forged = entries[2] with { Target = "work-item/other" };
        entries[2] = forged with { Hash = AuditHash.Of(forged) };

        var check = AuditVerifier.Verify(entries, "acme");

        Assert.Equal((false, 4L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public void Verify_ADeletedEntry_FailsAtItsSequenceNumber()
    {
        var entries = Chain(5);
        entries.RemoveAt(2);

        var check = AuditVerifier.Verify(entries, "acme");

        Assert.Equal((false, 3L), (check.Ok, check.FirstBadSequence));
        Assert.Contains("missing", check.Reason);
    }

    [Fact]
    public void Verify_TwoSwappedEntries_FailAtTheFirstPlaceTheyTook()
    {
        var entries = Chain(5);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var check = AuditVerifier.Verify(entries, "acme");

        Assert.Equal((false, 2L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public void Verify_EntriesCutOffTheEnd_AreCaughtByTheHead()
    {
        var entries = Chain(5);

        var check = AuditVerifier.Verify(entries.Take(3), "acme", new AuditHead(5, entries[^1].Hash));

        Assert.Equal((false, 4L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public void Verify_AnotherTenantsEntry_Fails()
    {
        var check = AuditVerifier.Verify(Chain(2), "globex");

        Assert.Equal((false, 1L), (check.Ok, check.FirstBadSequence));
    }
}
