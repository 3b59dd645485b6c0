using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Tenants' invoices on SQLite: one per run and tenant, saved with their events in one write under their version. Every scoped
/// read is filtered by the scope's tenant; the provider's lists page by key (tenant, then newest period, then id).
/// </summary>
internal sealed class SqliteTenantInvoiceStore(SqliteDatabase db) : ITenantInvoiceStore
{
    private sealed record TallyRow(string Status, string Currency, int Invoices, long TotalMinor);

    public async Task<bool> AddDraftAsync(TenantScope scope, TenantInvoice i, CancellationToken ct)
    {
        scope.EnsureOwns(i.TenantId, "invoice");
        var (lines, usage, total, events) = (InvoiceMapping.LinesToJson(i.Lines), InvoiceMapping.UsageToJson(i.Usage), i.Currency.ToMinor(i.Total),
            OutboxMapping.Rows(i));
        var added = await db.WriteAsync(scope, async context =>
        {
            var inserted = await context.Database.ExecuteSqlAsync($"""
                INSERT INTO tenant_invoices (id, run_id, tenant_id, tenant_name, period, currency, due_date, status, total_minor, lines, usage,
                    excluded_reason, external_id, number, hosted_url, issued_at, paid_at, last_payment_event_at, reminders_sent, last_reminder_at,
                    version)
                VALUES ({i.Id.ToString("D")}, {i.RunId.ToString("D")}, {i.TenantId}, {i.TenantName}, {i.Period.ToString()}, {i.Currency.Code},
                    {InvoiceMapping.ToText(i.DueDate)}, {i.Status.ToText()}, {total}, {lines}, {usage}, {i.ExcludedReason}, {i.ExternalId},
                    {i.Number}, {i.HostedUrl}, {i.IssuedAt.ToTicks()}, {i.PaidAt.ToTicks()}, {i.LastPaymentEventAt.ToTicks()}, {i.RemindersSent},
                    {i.LastReminderAt.ToTicks()}, {i.Version})
                ON CONFLICT (run_id, tenant_id) DO NOTHING
                """, ct);
            if (inserted != 1) return false;
            context.Outbox.AddRange(events);
            await context.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (added) i.ClearPendingEvents();
        return added;
    }

    public async Task<TenantInvoice?> FindAsync(TenantScope scope, Guid invoiceId, CancellationToken ct) =>
        (await QueryAsync(scope, $"{InvoiceMapping.Select} WHERE id = {{0}} AND tenant_id = {{1}}", [invoiceId.ToString("D"), scope.TenantId], ct))
        .SingleOrDefault();

    public async Task<TenantInvoice?> FindByExternalIdAsync(string externalId, CancellationToken ct) =>
        (await QueryAsync(null, $"{InvoiceMapping.Select} WHERE external_id = {{0}}", [externalId], ct)).SingleOrDefault();

    public async Task<Page<TenantInvoice>> ListForTenantAsync(TenantScope scope, bool issuedOnly, int pageSize, string? cursor, CancellationToken ct)
    {
        var key = Key(cursor, 2);
        var issued = issuedOnly ? JsonSerializer.Serialize(TenantInvoice.SentStatuses.Select(s => s.ToText())) : null;
        var rows = await QueryAsync(scope, $$"""
            {{InvoiceMapping.Select}} WHERE tenant_id = {0} AND ({1} OR (period, id) < ({2}, {3}))
                AND ({5} IS NULL OR status IN (SELECT value FROM json_each({5})))
            ORDER BY period DESC, id DESC LIMIT {4}
            """, [scope.TenantId, key is null, key?[0], key?[1], pageSize + 1, issued], ct);
        return PageOf(rows, pageSize, last => $"{last.Period}|{last.Id:D}");
    }

    public async Task<Page<TenantInvoice>> ListAsync(InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var key = Key(cursor, 3);
        var statuses = filter.Statuses is null ? null : JsonSerializer.Serialize(filter.Statuses.Select(s => s.ToText()));
        var rows = await QueryAsync(null, $$"""
            {{InvoiceMapping.Select}}
            WHERE ({0} IS NULL OR run_id = {0}) AND ({1} IS NULL OR tenant_id = {1})
                AND ({2} IS NULL OR status IN (SELECT value FROM json_each({2}))) AND ({3} IS NULL OR due_date < {3})
                AND ({4} OR tenant_id > {5} OR (tenant_id = {5} AND (period, id) < ({6}, {7})))
            ORDER BY tenant_id, period DESC, id DESC LIMIT {8}
            """, [filter.RunId?.ToString("D"), filter.TenantId, statuses, InvoiceMapping.ToText(filter.DueBefore), key is null, key?[2], key?[0],
            key?[1], pageSize + 1], ct);
        return PageOf(rows, pageSize, last => $"{last.Period}|{last.Id:D}|{last.TenantId}");
    }

    public async Task<IReadOnlyList<RunTally>> TallyAsync(Guid runId, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<TallyRow>($"""
            SELECT status AS Status, currency AS Currency, COUNT(*) AS Invoices, SUM(total_minor) AS TotalMinor FROM tenant_invoices
            WHERE run_id = {runId.ToString("D")} GROUP BY status, currency
            """).ToListAsync(ct);
        return rows.Select(r => new RunTally(EnumText.Parse<InvoiceStatus>(r.Status), r.Currency, r.Invoices,
                Currencies.Get(r.Currency).FromMinor(r.TotalMinor)))
            .OrderBy(t => t.Status).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(TenantScope scope, TenantInvoice i, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(i.TenantId, "invoice");
        var (lines, total, events) = (InvoiceMapping.LinesToJson(i.Lines), i.Currency.ToMinor(i.Total), OutboxMapping.Rows(i));
        await db.WriteAsync(scope, async context =>
        {
            var updated = await context.Database.ExecuteSqlAsync($"""
                UPDATE tenant_invoices SET due_date = {InvoiceMapping.ToText(i.DueDate)}, status = {i.Status.ToText()}, total_minor = {total},
                    lines = {lines}, excluded_reason = {i.ExcludedReason}, external_id = {i.ExternalId}, number = {i.Number},
                    hosted_url = {i.HostedUrl},
                    issued_at = {i.IssuedAt.ToTicks()}, paid_at = {i.PaidAt.ToTicks()}, last_payment_event_at = {i.LastPaymentEventAt.ToTicks()},
                    reminders_sent = {i.RemindersSent}, last_reminder_at = {i.LastReminderAt.ToTicks()}, version = {i.Version}
                WHERE id = {i.Id.ToString("D")} AND tenant_id = {scope.TenantId} AND version = {expectedVersion}
                """, ct);
            if (updated != 1) throw new ConcurrencyConflictException($"The invoice of '{i.TenantId}' for {i.Period}");
            context.Outbox.AddRange(events);
            await context.SaveChangesAsync(ct);
        }, ct);
        i.ClearPendingEvents();
    }

    /// <summary>The cursor's <paramref name="parts"/> parts (the last may hold anything: a tenant id), or null on the first page.</summary>
    private static string[]? Key(string? cursor, int parts) => Cursor.Decode(cursor) is { } key
        ? key.Split('|', parts) is { } split && split.Length == parts ? split : throw Cursor.Invalid()
        : null;

    private static Page<TenantInvoice> PageOf(IReadOnlyList<TenantInvoice> rows, int pageSize, Func<TenantInvoice, string> key) =>
        new(rows.Take(pageSize).ToList(), rows.Count > pageSize ? Cursor.Encode(key(rows[pageSize - 1])) : null);

    private async Task<IReadOnlyList<TenantInvoice>> QueryAsync(TenantScope? scope, string sql, object?[] parameters, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var rows = await context.Database
            .SqlQuery<InvoiceMapping.Row>(System.Runtime.CompilerServices.FormattableStringFactory.Create(sql, parameters)).ToListAsync(ct);
        return rows.Select(r => r.ToInvoice()).ToList();
    }
}
