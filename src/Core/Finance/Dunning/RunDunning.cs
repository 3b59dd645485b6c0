using BackOffice.Core.Common;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Dunning;

/// <summary>An overdue invoice as the dunning queue shows it: how late, what was sent, what comes next.</summary>
public sealed record OverdueInvoice(TenantInvoice Invoice, int DaysOverdue, TenantDunning Dunning, TenantStatus TenantStatus, int? NextReminderDay,
    DateOnly SuspendsOn);

/// <summary>
/// Chases unpaid invoices past their due date, tenant by tenant under each tenant's policy: sends the reminders that have
/// come due (each once, as a "billing.invoice-overdue" event that reaches the tenant's webhook and activity feed), suspends
/// an active tenant once an invoice is past the grace period, and reactivates a tenant it suspended when nothing overdue past
/// grace is left. A paused tenant gets neither. Every step is idempotent, so passes may repeat or overlap.
/// </summary>
public sealed class RunDunning(ITenantStore tenants, ITenantInvoiceStore invoices, ITenantDunningStore dunning, TimeProvider time)
{
    private static readonly InvoiceStatus[] Unpaid = [InvoiceStatus.Open, InvoiceStatus.PaymentFailed];
    private static readonly Actor Dunning = Actor.System("dunning");

    public async Task PassAsync(CancellationToken ct)
    {
        await foreach (var overdue in OverdueAsync(ct))
        {
            if (overdue.Dunning.Paused) continue;
            var (invoice, days, policy) = (overdue.Invoice, overdue.DaysOverdue, overdue.Dunning);
            var scope = TenantScope.ForWorker(invoice.TenantId);
            var due = policy.RemindersDue(days);
            var read = invoice.Version;
            if (due > invoice.RemindersSent && invoice.Remind(due, days, overdue.SuspendsOn, time.GetUtcNow()))
                await invoices.SaveAsync(scope, invoice, read, ct);
            if (days >= policy.SuspendAfterDays) await SuspendAsync(invoice, days, ct);
        }
        foreach (var tenantId in await dunning.SuspendedByDunningAsync(ct)) await ReactivateIfSettledAsync(tenantId, ct);
    }

    /// <summary>Every unpaid invoice past its due date in its tenant's own calendar, oldest due first within each tenant.</summary>
    public async IAsyncEnumerable<OverdueInvoice> OverdueAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Due before tomorrow in UTC+14 covers every zone's today; each invoice is then checked against its own tenant's date.
        var dueBefore = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2);
        var known = new Dictionary<string, (Tenant? Tenant, TenantDunning Dunning)>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await invoices.ListAsync(new InvoiceFilter(Statuses: Unpaid, DueBefore: dueBefore), Paging.MaxPageSize, cursor, ct);
            foreach (var invoice in page.Items)
            {
                if (!known.TryGetValue(invoice.TenantId, out var of))
                    known[invoice.TenantId] = of = (await tenants.FindAsync(invoice.TenantId, ct), await dunning.GetAsync(TenantScope.ForWorker(invoice.TenantId), ct));
                if (of.Tenant is null || invoice.DueDate is not { } dueDate) continue;
                var days = of.Tenant.Today(now).DayNumber - dueDate.DayNumber;
                if (days <= 0) continue;
                var next = of.Dunning.ReminderDays.Skip(invoice.RemindersSent).Cast<int?>().FirstOrDefault();
                yield return new(invoice, days, of.Dunning, of.Tenant.Status, next, dueDate.AddDays(of.Dunning.SuspendAfterDays));
            }
            cursor = page.NextCursor;
        } while (cursor is not null);
    }

    /// <summary>Reactivates a tenant dunning suspended once none of its invoices is unpaid past the grace period (or dunning is paused).</summary>
    public async Task ReactivateIfSettledAsync(string tenantId, CancellationToken ct)
    {
        var scope = TenantScope.ForWorker(tenantId);
        var policy = await dunning.GetAsync(scope, ct);
        if (policy.SuspendedByDunningAt is null) return;
        var tenant = await tenants.FindAsync(tenantId, ct);
        if (tenant is null) return;
        if (!policy.Paused && await PastGraceAsync(tenant, policy, ct)) return;
        if (tenant.Status == TenantStatus.Suspended)
        {
            var read = tenant.Version;
            tenant.ChangeStatus(TenantStatus.Active, Dunning, time.GetUtcNow(), policy.Paused ? "Dunning paused by finance" : "Overdue invoices paid");
            await tenants.UpdateAsync(tenant, read, ct);
        }
        await dunning.SaveAsync(scope, policy with { SuspendedByDunningAt = null }, ct);
    }

    private async Task SuspendAsync(TenantInvoice invoice, int days, CancellationToken ct)
    {
        var scope = TenantScope.ForWorker(invoice.TenantId);
        var tenant = await tenants.FindAsync(invoice.TenantId, ct);
        if (tenant is not { Status: TenantStatus.Active }) return;
        // Marked first: a crash before the suspension leaves a mark the next pass either completes or clears.
        var policy = await dunning.GetAsync(scope, ct);
        if (policy.SuspendedByDunningAt is null) await dunning.SaveAsync(scope, policy with { SuspendedByDunningAt = time.GetUtcNow() }, ct);
        var read = tenant.Version;
        tenant.ChangeStatus(TenantStatus.Suspended, Dunning, time.GetUtcNow(), $"Invoice {invoice.Number} for {invoice.Period} is {days} days overdue");
        await tenants.UpdateAsync(tenant, read, ct);
    }

    private async Task<bool> PastGraceAsync(Tenant tenant, TenantDunning policy, CancellationToken ct)
    {
        var today = tenant.Today(time.GetUtcNow());
        var scope = TenantScope.ForWorker(tenant.Id);
        string? cursor = null;
        do
        {
            var page = await invoices.ListForTenantAsync(scope, issuedOnly: true, Paging.MaxPageSize, cursor, ct);
            if (page.Items.Any(i => i.IsUnpaid && i.DueDate is { } d && today.DayNumber - d.DayNumber >= policy.SuspendAfterDays)) return true;
            cursor = page.NextCursor;
        } while (cursor is not null);
        return false;
    }
}
