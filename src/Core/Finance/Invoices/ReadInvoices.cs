using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Invoices;

public enum SlaOutcome { NotMeasured, Running, WithinTarget, Breached }

/// <summary>A work item a line bills or credits: enough to recognise it and its SLA outcome; the item page has its history.</summary>
public sealed record BilledItem(Guid Id, string Title, string Type, WorkItemStatus Status, Priority Priority, SlaOutcome Sla, DateTimeOffset SubmittedAt);

/// <summary>A usage entry behind a line, with its item when it has one.</summary>
public sealed record BilledEntry(UsageEntry Entry, BilledItem? Item);

/// <summary>A line opened up: the usage entries it bills (usage lines) or the breached items it credits (SLA credit lines).</summary>
public sealed record LineDrilldown(TenantInvoice Invoice, InvoiceLine Line, Page<BilledEntry> Entries, IReadOnlyList<BilledItem> BreachedItems);

/// <summary>
/// A tenant's invoices as the finance desk and the tenant's admins read them; clients see only what was issued, never a
/// draft, and their users none at all. Every line opens down to the work that caused it.
/// </summary>
public sealed class ReadInvoices(TenantAccess access, ITenantInvoiceStore invoices, IUsageLedger ledger, IWorkItemStore items, SlaSettingsSource slas,
    ReportSla sla, TimeProvider time)
{
    public async Task<Page<TenantInvoice>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (_, scope) = await ResolveAsync(actor, tenantId, ct);
        return await invoices.ListForTenantAsync(scope, issuedOnly: !actor.IsProviderStaff, Paging.Size(pageSize), cursor, ct);
    }

    public async Task<TenantInvoice> GetAsync(Actor actor, string tenantId, Guid invoiceId, CancellationToken ct) =>
        await FindAsync(actor, await ResolveAsync(actor, tenantId, ct), invoiceId, ct);

    public async Task<LineDrilldown> LineAsync(Actor actor, string tenantId, Guid invoiceId, Guid lineId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (tenant, scope) = await ResolveAsync(actor, tenantId, ct);
        var invoice = await FindAsync(actor, (tenant, scope), invoiceId, ct);
        var line = invoice.Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new NotFoundException($"Line '{lineId}' of invoice '{invoiceId}'");
        var now = time.GetUtcNow();
        if (line.Rated is { Kind: LineKind.SlaCredit, ServiceLine: { } serviceLine, Priority: { } priority })
        {
            var breached = await sla.BreachedAsync(tenant, scope, invoice.Period.FirstDay, serviceLine, priority, ct);
            return new(invoice, line, new([], null), [.. await Task.WhenAll(breached.Select(i => ItemAsync(tenant, scope, i, now, ct)))]);
        }
        if (line.Rated is not { Kind: LineKind.Usage or LineKind.LateUsage, Meter: { } meter }) return new(invoice, line, new([], null), []);
        var late = line.Rated.Kind == LineKind.LateUsage;
        var onTime = late ? 0 : (await ledger.TotalsAsync(scope, invoice.Period, ct)).Where(t => t.Meter == meter && !t.Late).Sum(t => t.Quantity);
        var range = late ? null : TierRange.Of(invoice, line, onTime);
        var (kept, next) = range is null
            ? await EntriesAsync(scope, invoice, meter, late, Paging.Size(pageSize), cursor, ct)
            : await TierEntriesAsync(scope, invoice, meter, range, Paging.Size(pageSize), cursor, ct);
        var billed = new List<BilledEntry>();
        foreach (var entry in kept)
            billed.Add(new(entry, entry.ItemId is { } id && await items.FindAsync(scope, id, ct) is { } item ? await ItemAsync(tenant, scope, item, now, ct) : null));
        return new(invoice, line, new(billed, next), []);
    }

    /// <summary>Late and on-time entries of a meter share the filter: reads until a page of the line's own kind is full.</summary>
    private async Task<(List<UsageEntry>, string?)> EntriesAsync(TenantScope scope, TenantInvoice invoice, Metering.Meter meter, bool late, int size,
        string? cursor, CancellationToken ct)
    {
        var kept = new List<UsageEntry>();
        var next = cursor;
        do
        {
            var page = await ledger.ListAsync(scope, new UsageFilter(invoice.Period, meter), size, next, ct);
            kept.AddRange(page.Items.Where(e => e.Late == late));
            next = page.NextCursor;
        } while (next is not null && kept.Count < size);
        return (kept, next);
    }

    /// <summary>
    /// The on-time entries inside a tier's range, oldest first. The cursor carries the units counted so far with the ledger's
    /// own cursor, so a later page goes on from where this one stopped.
    /// </summary>
    private async Task<(List<UsageEntry>, string?)> TierEntriesAsync(TenantScope scope, TenantInvoice invoice, Metering.Meter meter, TierRange range,
        int size, string? cursor, CancellationToken ct)
    {
        var (counted, next) = (0m, (string?)null);
        if (Cursor.Decode(cursor) is { } key)
        {
            var split = key.IndexOf('|');
            if (split < 0 || !decimal.TryParse(key[..split], System.Globalization.CultureInfo.InvariantCulture, out counted)) throw Cursor.Invalid();
            next = key[(split + 1)..] is { Length: > 0 } rest ? rest : null;
        }
        var kept = new List<UsageEntry>();
        while (kept.Count < size && counted < range.To)
        {
            var page = await ledger.ListAsync(scope, new UsageFilter(invoice.Period, meter), size - kept.Count, next, ct);
            foreach (var entry in page.Items.Where(e => !e.Late))
            {
                if (range.Holds(counted, entry.Quantity)) kept.Add(entry);
                counted += entry.Quantity;
            }
            next = page.NextCursor;
            if (next is null) break;
        }
        var more = next is not null && counted < range.To;
        return (kept, more ? Cursor.Encode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{counted}|{next}")) : null);
    }

    private async Task<BilledItem> ItemAsync(Tenant tenant, TenantScope scope, WorkItem item, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = SlaOutcome.NotMeasured;
        if (item.Sla is { } clocks && SlaProgress.Of(item, await slas.VersionAsync(tenant, scope, clocks.SlaVersion, ct), now) is { } progress)
            outcome = progress.Resolution.Breached ? SlaOutcome.Breached : progress.Resolution.Running || progress.Resolution.Paused ? SlaOutcome.Running : SlaOutcome.WithinTarget;
        return new(item.Id, item.Title, item.Type, item.Status, item.Priority, outcome, item.CreatedAt);
    }

    private async Task<(Tenant, TenantScope)> ResolveAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.InvoiceReaders);
        return resolved;
    }

    private async Task<TenantInvoice> FindAsync(Actor actor, (Tenant Tenant, TenantScope Scope) resolved, Guid invoiceId, CancellationToken ct)
    {
        var invoice = await invoices.FindAsync(resolved.Scope, invoiceId, ct);
        if (invoice is null || (!actor.IsProviderStaff && !TenantInvoice.SentStatuses.Contains(invoice.Status))) throw new NotFoundException($"Invoice '{invoiceId}'");
        return invoice;
    }
}
