using BackOffice.AuditVerify;
using BackOffice.Core.Audit;

namespace BackOffice.Core.Tests.Audit;

/// <summary>The AuditVerify command's check of an exported file, with the server's own JSON lines and hashing.</summary>
public sealed class AuditFileTests
{
    private static string Export(IEnumerable<AuditEntry> entries) => string.Join("\n", entries.Select(AuditJsonLines.Line)) + "\n";

    [Fact]
    public void Verify_AnUntouchedExport_IsOk_AndMatchesTheServersLastHash()
    {
        var entries = AuditChainTests.Chain(4);

        var check = AuditFile.Verify(new StringReader(Export(entries)), "acme", entries[^1].Hash);

        Assert.True(check.Ok, check.Reason);
        Assert.StartsWith("OK: 4 entries", check.ToString());
    }

    [Fact]
    public void Verify_AnExportWithOneLineEdited_FailsAtThatEntry()
    {
        var lines = Export(AuditChainTests.Chain(4)).Split('\n');
        lines[2] = lines[2].Replace("\"n\":\"3\"", "\"n\":\"30\"", StringComparison.Ordinal);

        var check = AuditFile.Verify(new StringReader(string.Join("\n", lines)));

        Assert.Equal((false, 3L), (check.Ok, check.FirstBadSequence));
        Assert.StartsWith("BROKEN at entry 3", check.ToString());
    }

    [Fact]
    public void Verify_AnExportWithTheLastLineCut_FailsOnlyAgainstTheServersLastHash()
    {
        var entries = AuditChainTests.Chain(4);
        var cut = Export(entries.Take(3));

        Assert.True(AuditFile.Verify(new StringReader(cut)).Ok);
        Assert.Equal(4L, AuditFile.Verify(new StringReader(cut), "acme", entries[^1].Hash).FirstBadSequence);
    }

    [Fact]
    public void Verify_ALineThatIsNotAnEntry_NamesTheLine()
    {
        var check = AuditFile.Verify(new StringReader(Export(AuditChainTests.Chain(2)) + "{not json\n"));

        Assert.False(check.Ok);
        Assert.Equal("BROKEN: Line 3 is not an audit entry.", check.ToString());
    }
}
