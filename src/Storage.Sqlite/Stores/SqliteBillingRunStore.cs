using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Billing runs on SQLite: provider-level, so no tenant scope. The partial unique index on the period of runs not issued yet
/// lets only one of two concurrent starts of a period in; a save is a version check in the same statement as the update.
/// </summary>
internal sealed class SqliteBillingRunStore(SqliteDatabase db) : IBillingRunStore
{
    private const string Select = """
        SELECT id AS Id, period AS Period, status AS Status, started_by AS StartedBy, started_at AS StartedAt, approved_by AS ApprovedBy,
            approved_at AS ApprovedAt, completed_at AS CompletedAt, version AS Version
        FROM billing_runs
        """;

    private sealed record Row(string Id, string Period, string Status, string StartedBy, long StartedAt, string? ApprovedBy, long? ApprovedAt,
        long? CompletedAt, long Version)
    {
        public BillingRun ToRun() => BillingRun.Restore(Guid.Parse(Id), BillingPeriod.Parse(Period), EnumText.Parse<RunStatus>(Status), StartedBy,
            Time.FromTicks(StartedAt), ApprovedBy, Time.FromTicks(ApprovedAt), Time.FromTicks(CompletedAt), Version);
    }

    public async Task AddAsync(BillingRun r, CancellationToken ct)
    {
        var inserted = await db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO billing_runs (id, period, status, started_by, started_at, approved_by, approved_at, completed_at, version)
            VALUES ({r.Id.ToString("D")}, {r.Period.ToString()}, {r.Status.ToText()}, {r.StartedBy}, {r.StartedAt.ToTicks()}, {r.ApprovedBy},
                {r.ApprovedAt.ToTicks()}, {r.CompletedAt.ToTicks()}, {r.Version})
            ON CONFLICT (period) WHERE status <> 'issued' DO NOTHING
            """, ct), ct);
        if (inserted != 1) throw new ConflictException($"The billing period {r.Period} already has a run that is not issued yet.");
    }

    public async Task<BillingRun?> FindAsync(Guid runId, CancellationToken ct) =>
        (await QueryAsync($"{Select} WHERE id = {{0}}", [runId.ToString("D")], ct)).SingleOrDefault();

    public Task<IReadOnlyList<BillingRun>> ListAsync(int max, CancellationToken ct) =>
        QueryAsync($"{Select} ORDER BY started_at DESC, id DESC LIMIT {{0}}", [max], ct);

    public Task<IReadOnlyList<BillingRun>> UnfinishedAsync(CancellationToken ct) =>
        QueryAsync($"{Select} WHERE status IN ({{0}}, {{1}}) ORDER BY started_at, id", [RunStatus.Drafting.ToText(), RunStatus.Issuing.ToText()], ct);

    public async Task<BillingRun?> OpenForPeriodAsync(BillingPeriod period, CancellationToken ct) =>
        (await QueryAsync($"{Select} WHERE period = {{0}} AND status <> {{1}}", [period.ToString(), RunStatus.Issued.ToText()], ct))
        .SingleOrDefault();

    public async Task SaveAsync(BillingRun r, long expectedVersion, CancellationToken ct)
    {
        var updated = await db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE billing_runs SET status = {r.Status.ToText()}, approved_by = {r.ApprovedBy}, approved_at = {r.ApprovedAt.ToTicks()},
                completed_at = {r.CompletedAt.ToTicks()}, version = {r.Version}
            WHERE id = {r.Id.ToString("D")} AND version = {expectedVersion}
            """, ct), ct);
        if (updated != 1) throw new ConcurrencyConflictException($"The billing run for {r.Period}");
    }

    private async Task<IReadOnlyList<BillingRun>> QueryAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<Row>(FormattableStringFactory.Create(sql, parameters)).ToListAsync(ct);
        return rows.Select(r => r.ToRun()).ToList();
    }
}
