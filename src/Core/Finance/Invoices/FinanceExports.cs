using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Exports;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Invoices;

/// <summary>The finance desk's CSV files: a tenant's usage entries of a period, and invoices across tenants. Each download is audited.</summary>
public sealed class FinanceExports(TenantAccess access, IUsageLedger ledger, ITenantInvoiceStore invoices, AuditedExports exports)
{
    private static readonly string[] UsageHeader = ["entry_id", "tenant_id", "meter", "quantity", "occurred_at", "period", "late", "kind", "item_id", "priority", "adjusted_by", "reason"];
    private static readonly string[] InvoiceHeader = ["invoice_id", "tenant_id", "tenant_name", "period", "number", "status", "currency", "total", "sla_credits", "issued_at", "due_date", "paid_at", "reminders_sent", "run_id"];

    public async Task<CsvExport> UsageAsync(Actor actor, string tenantId, string? period, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.Desk);
        var errors = new FieldErrors();
        var month = BillingPeriod.Parse(errors, "period", period);
        errors.ThrowIfAny();
        var entries = await AllPages.ReadAsync((size, cursor) => ledger.ListAsync(scope, new UsageFilter(month!.Value), size, cursor, ct), 1_000_000);
        return await exports.CsvAsync(actor, tenant.Id, $"usage-{tenant.Id}-{month}.csv", UsageHeader, entries.Select(e => new[]
        {
            e.Id.ToString(), e.TenantId, Meters.Of(e.Meter).Name, Number(e.Quantity), e.OccurredAt.ToString("O", CultureInfo.InvariantCulture), e.Period.ToString(),
            e.Late ? "true" : "false", e.Kind.ToText(), e.ItemId?.ToString(), e.Priority?.ToText(), e.AdjustedBy, e.Reason,
        }), ct);
    }

    /// <summary>Invoices across tenants, or of one run or tenant; the download is on the audit trail of each tenant it covers.</summary>
    public async Task<CsvExport> InvoicesAsync(Actor actor, Guid? runId, string? tenantId, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var rows = await AllPages.ReadAsync((size, cursor) => invoices.ListAsync(new InvoiceFilter(runId, tenantId), size, cursor, ct), 100_000);
        var file = CsvWriter.Write($"invoices{(runId is { } r ? $"-{r}" : "")}{(tenantId is null ? "" : $"-{tenantId}")}.csv", InvoiceHeader, rows.Select(i => new[]
        {
            i.Id.ToString(), i.TenantId, i.TenantName, i.Period.ToString(), i.Number, i.Status.ToText(), i.Currency.Code, Number(i.Total), Number(i.Credits),
            i.IssuedAt?.ToString("O", CultureInfo.InvariantCulture), i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            i.PaidAt?.ToString("O", CultureInfo.InvariantCulture), i.RemindersSent.ToString(CultureInfo.InvariantCulture), i.RunId.ToString(),
        }));
        foreach (var tenant in rows.Select(i => i.TenantId).Distinct()) await exports.RecordAsync(actor, tenant, file, ct);
        return file;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
