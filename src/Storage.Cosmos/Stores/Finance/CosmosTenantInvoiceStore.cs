using BackOffice.Core.Common;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// Tenants' invoices (<see cref="InvoiceDocument"/>), one per run and tenant in its partition, saved with their events under
/// their version. A scoped read names its tenant's partition; the provider's lists read across partitions and page by key
/// (tenant, then newest period, then id).
/// </summary>
internal sealed class CosmosTenantInvoiceStore(CosmosDatabase db, TenantWriter writer) : ITenantInvoiceStore
{
    private const string Select = "SELECT * FROM c WHERE c.kind = @k";

    private sealed record TallyRow(string Status, string Currency, long TotalMinor);

    public async Task<bool> AddDraftAsync(TenantScope scope, TenantInvoice invoice, CancellationToken ct)
    {
        scope.EnsureOwns(invoice.TenantId, "invoice");
        var document = InvoiceDocument.From(invoice);
        document.TakeEvents(PendingEvent.Of(invoice), null);
        try { await writer.SaveAsync(new DocumentWrite(document, null), "invoice.add-draft", ct); }
        catch (ConcurrencyConflictException) { return false; }
        invoice.ClearPendingEvents();
        return true;
    }

    public async Task<TenantInvoice?> FindAsync(TenantScope scope, Guid invoiceId, CancellationToken ct) =>
        (await QueryAsync($"{Select} AND c.tenantId = @t AND c.invoiceId = @id", scope.TenantId,
            q => q.WithParameter("@t", scope.TenantId).WithParameter("@id", invoiceId.ToString("D")), 1, "invoice.find", ct)).SingleOrDefault();

    public async Task<TenantInvoice?> FindByExternalIdAsync(string externalId, CancellationToken ct) =>
        (await QueryAsync($"{Select} AND c.externalId = @e", null, q => q.WithParameter("@e", externalId), 1, "invoice.find-external", ct))
        .SingleOrDefault();

    public async Task<Page<TenantInvoice>> ListForTenantAsync(TenantScope scope, bool issuedOnly, int pageSize, string? cursor, CancellationToken ct)
    {
        var key = Key(cursor, 2);
        var sql = $"SELECT TOP {pageSize + 1} * FROM c WHERE c.kind = @k AND c.tenantId = @t" + (key is null ? "" : " AND c.listKey < @after")
            + (issuedOnly ? " AND ARRAY_CONTAINS(@sent, c.status)" : "") + " ORDER BY c.listKey DESC";
        var rows = await QueryAsync(sql, scope.TenantId, q => q.WithParameter("@t", scope.TenantId).WithParameter("@after", key is null ? null : $"{key[0]}|{key[1]}")
            .WithParameter("@sent", TenantInvoice.SentStatuses.Select(s => s.ToText()).ToArray()), pageSize + 1, "invoice.list-tenant", ct);
        return PageOf(rows, pageSize, last => $"{last.Period}|{last.Id:D}");
    }

    public async Task<Page<TenantInvoice>> ListAsync(InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var key = Key(cursor, 3);
        var sql = $"SELECT TOP {pageSize + 1} * FROM c WHERE c.kind = @k" + (filter.RunId is null ? "" : " AND c.runId = @run")
            + (filter.TenantId is null ? "" : " AND c.tenantId = @tenant") + (filter.Statuses is null ? "" : " AND ARRAY_CONTAINS(@statuses, c.status)")
            + (filter.DueBefore is null ? "" : " AND IS_DEFINED(c.dueDate) AND c.dueDate < @due")
            + (key is null ? "" : " AND (c.tenantId > @afterTenant OR (c.tenantId = @afterTenant AND c.listKey < @after))")
            + " ORDER BY c.tenantId, c.listKey DESC";
        var rows = await QueryAsync(sql, null, q => q.WithParameter("@run", filter.RunId?.ToString("D")).WithParameter("@tenant", filter.TenantId)
            .WithParameter("@statuses", filter.Statuses?.Select(s => s.ToText()).ToArray()).WithParameter("@due", InvoiceDocument.ToText(filter.DueBefore))
            .WithParameter("@afterTenant", key?[2]).WithParameter("@after", key is null ? null : $"{key[0]}|{key[1]}"), pageSize + 1, "invoice.list", ct);
        return PageOf(rows, pageSize, last => $"{last.Period}|{last.Id:D}|{last.TenantId}");
    }

    public async Task<IReadOnlyList<RunTally>> TallyAsync(Guid runId, CancellationToken ct)
    {
        // A run has one invoice per tenant: few fields each, grouped here (the service has no GROUP BY across partitions).
        var rows = await db.QueryAsync<TallyRow>(db.Data, new QueryDefinition("SELECT c.status, c.currency, c.totalMinor FROM c WHERE c.kind = @k AND c.runId = @r")
            .WithParameter("@k", InvoiceDocument.KindName).WithParameter("@r", runId.ToString("D")), null, "invoice.tally", ct);
        return rows.GroupBy(r => (Status: EnumText.Parse<InvoiceStatus>(r.Status), r.Currency))
            .Select(g => new RunTally(g.Key.Status, g.Key.Currency, g.Count(), Currencies.Get(g.Key.Currency).FromMinor(g.Sum(r => r.TotalMinor))))
            .OrderBy(t => t.Status).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(TenantScope scope, TenantInvoice invoice, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(invoice.TenantId, "invoice");
        var (stored, _) = await db.ReadAsync<InvoiceDocument>(db.Data, InvoiceDocument.IdOf(invoice.RunId), new PartitionKey(scope.TenantId), "invoice.read", ct);
        if (stored is null || stored.InvoiceId != invoice.Id.ToString("D") || stored.Version != expectedVersion)
            throw new ConcurrencyConflictException($"The invoice of '{invoice.TenantId}' for {invoice.Period}");
        var next = InvoiceDocument.From(invoice);
        next.TakeEvents(PendingEvent.Of(invoice), stored);
        await writer.SaveAsync(new DocumentWrite(next, stored), "invoice.save", ct);
        invoice.ClearPendingEvents();
    }

    /// <summary>The cursor's <paramref name="parts"/> parts (the last may hold anything: a tenant id), or null on the first page.</summary>
    private static string[]? Key(string? cursor, int parts) => Cursor.Decode(cursor) is { } key
        ? key.Split('|', parts) is { } split && split.Length == parts ? split : throw Cursor.Invalid()
        : null;

    private static Page<TenantInvoice> PageOf(IReadOnlyList<TenantInvoice> rows, int pageSize, Func<TenantInvoice, string> key) =>
        new(rows.Take(pageSize).ToList(), rows.Count > pageSize ? Cursor.Encode(key(rows[pageSize - 1])) : null);

    private async Task<IReadOnlyList<TenantInvoice>> QueryAsync(string sql, string? tenantId, Func<QueryDefinition, QueryDefinition> parameters, int max,
        string operation, CancellationToken ct)
    {
        var query = parameters(new QueryDefinition(sql).WithParameter("@k", InvoiceDocument.KindName));
        var documents = await db.QueryAsync<InvoiceDocument>(db.Data, query, tenantId is null ? null : new PartitionKey(tenantId), operation, ct, max);
        return documents.Select(d => d.ToInvoice()).ToList();
    }
}
