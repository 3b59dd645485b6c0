using System.Text;
using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Exports;

namespace BackOffice.Core.Tests.Exports;

/// <summary>What the API and the Portal share when a tenant's data leaves as CSV: the writer, the audit rule, filtered paging.</summary>
public sealed class ExportTests
{
    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditRecord> Records { get; } = [];

        public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
        {
            Records.Add(record);
            return Task.FromResult(new AuditEntry(record.TenantId, Records.Count, record.At, record.Actor, record.Action, record.Target, record.Detail, "", ""));
        }
    }

    private static readonly Actor Supervisor = new("sam", "Sam", new HashSet<string> { Roles.Supervisor }, "provider");
    private static readonly Actor ClientAdmin = new("nora", "Nora", new HashSet<string> { Roles.ClientAdmin }, "client");

    [Fact]
    public void CsvWriter_QuotesWhatNeedsIt_DefusesFormulas_KeepsSignedNumbers_AndCountsRowsWithoutTheHeader()
    {
        var file = CsvWriter.Write("x.csv", ["a", "b"], [["=SUM(A1)", "plain"], ["with, comma", "say \"hi\""], [null, "-3"], ["-12.50", "-2+3+cmd|' /C calc'!A0"]]);

        var text = Encoding.UTF8.GetString(file.Content).ReplaceLineEndings("\n");
        Assert.Equal("a,b\n'=SUM(A1),plain\n\"with, comma\",\"say \"\"hi\"\"\"\n,-3\n-12.50,'-2+3+cmd|' /C calc'!A0\n", text);
        Assert.Equal(4, file.Rows);
    }

    [Fact]
    public async Task AuditedExports_PutProviderStaffsExportOnTheTrail_WithItsRows_NotTheTenantsOwnUsers()
    {
        var trail = new RecordingTrail();
        var exports = new AuditedExports(new RecordAccess(trail, TimeProvider.System));
        string?[][] rows = [["1"], ["2"]];

        var staff = await exports.CsvAsync(Supervisor, "acme", "employees-acme.csv", ["id"], rows, default);
        await exports.CsvAsync(ClientAdmin, "acme", "employees-acme.csv", ["id"], rows, default);

        var record = Assert.Single(trail.Records);
        Assert.Equal(("acme", "export", "employees-acme.csv", "2", "sam"), (record.TenantId, record.Action, record.Target, record.Detail["rows"], record.Actor.Subject));
        Assert.Equal(2, staff.Rows);
    }

    [Fact]
    public async Task FilteredPaging_WalksOnlyTheKeptItems_InOrder_WithoutRepeatsOrGaps()
    {
        var items = Enumerable.Range(1, 23).Select(n => $"{n:D2}").ToList();
        Task<Page<string>> Read(int size, string? cursor) => Task.FromResult(Paging.Keyset(items, s => s, descending: false, size, cursor));
        var seen = new List<string>();

        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await FilteredPaging.ReadAsync(Read, s => int.Parse(s) % 3 == 0, 2, cursor);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["03", "06", "09", "12", "15", "18", "21"], seen);
        Assert.InRange(pages, 4, 5);
    }

    [Theory]
    [InlineData("Rowan Current", "rowan", true)]
    [InlineData("Rowan Current", "  CURRENT ", true)]
    [InlineData("Rowan Current", "future", false)]
    [InlineData(null, "x", false)]
    [InlineData(null, null, true)]
    public void FilteredPaging_Matches_IgnoresCaseAndSpaces_AndAnEmptySearchMatchesAll(string? text, string? search, bool matches) =>
        Assert.Equal(matches, FilteredPaging.Matches(text, search));
}
