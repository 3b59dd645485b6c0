using BackOffice.Core.Audit;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Someone with the database file changes the trail behind the application's back: the check names the entry.</summary>
public sealed class AuditTamperTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static async Task<AuditCheck> TamperAndVerifyAsync(string sql)
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using (stores)
        {
            foreach (var n in Enumerable.Range(1, 5))
                await stores.Audit.AppendAsync(new AuditRecord("acme", Build.Now.AddMinutes(n), AuditActor.Of(Build.Admin), "export",
                    $"employees-{n}.csv", new Dictionary<string, string> { ["rows"] = $"{n}" }), default);
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                Assert.True(await command.ExecuteNonQueryAsync() > 0);
            }
            return AuditVerifier.Verify(await stores.Audit.ListAsync(Acme, 0, 100, default), "acme", await stores.Audit.HeadAsync(Acme, default));
        }
    }

    [Fact]
    public async Task AnEntryChangedInTheFile_FailsAtExactlyThatEntry()
    {
        var check = await TamperAndVerifyAsync("""UPDATE audit_entries SET detail = '{"rows":"0"}' WHERE tenant_id = 'acme' AND seq = 3""");

        Assert.Equal((false, 3L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public async Task AnEntryDeletedFromTheFile_FailsAtItsSequenceNumber()
    {
        var check = await TamperAndVerifyAsync("DELETE FROM audit_entries WHERE tenant_id = 'acme' AND seq = 2");

        Assert.Equal((false, 2L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public async Task TwoEntriesSwappedInTheFile_FailAtTheFirstOfThem()
    {
        var check = await TamperAndVerifyAsync("""
            UPDATE audit_entries SET seq = -1 WHERE tenant_id = 'acme' AND seq = 3;
            UPDATE audit_entries SET seq = 3 WHERE tenant_id = 'acme' AND seq = 4;
            UPDATE audit_entries SET seq = 4 WHERE tenant_id = 'acme' AND seq = -1;
            """);

        Assert.Equal((false, 3L), (check.Ok, check.FirstBadSequence));
    }

    [Fact]
    public async Task TheLastEntryDeletedFromTheFile_FailsAgainstTheHead()
    {
        var check = await TamperAndVerifyAsync("DELETE FROM audit_entries WHERE tenant_id = 'acme' AND seq = 5");

        Assert.Equal((false, 5L), (check.Ok, check.FirstBadSequence));
    }
}
