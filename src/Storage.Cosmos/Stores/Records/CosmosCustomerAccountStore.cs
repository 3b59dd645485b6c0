using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// Customer accounts as documents in their tenant's partition, saved with the work item that changed them in one commit.
/// New invoices take the next numbers of their series from the series' counter document, written first in that commit
/// (a save that loses the counter to another is retried with fresh numbers, so none is skipped or taken twice); invoices
/// and payments that changed are also written as ledger lines in that commit, for lists across customers; a list names each
/// line's customer from the accounts, so a rename writes the account alone.
/// </summary>
internal sealed class CosmosCustomerAccountStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites items)
    : RecordStore<CustomerAccount>(db, writer, items, "customer-account"), ICustomerAccountStore
{
    public Task<CustomerAccount> SaveWithItemAsync(TenantScope scope, CustomerAccount account, WorkItem item, long expectedItemVersion, CancellationToken ct) =>
        SaveAsync(scope, account, item, expectedItemVersion, ct);

    protected override async Task<Prepared> PrepareAsync(TenantScope scope, CustomerAccount next, RecordDocument<CustomerAccount>? stored, CancellationToken ct)
    {
        var counters = new Dictionary<string, (InvoiceSeries? Stored, long Last)>();
        var invoices = new List<Invoice>(next.Invoices.Count);
        foreach (var invoice in next.Invoices)
        {
            if (invoice.Number != InvoiceNumbers.Unnumbered) { invoices.Add(invoice); continue; }
            var series = InvoiceNumbers.Series(invoice.IssuedOn);
            if (!counters.TryGetValue(series, out var counter))
            {
                var (read, _) = await Db.ReadAsync<InvoiceSeries>(Db.Data, InvoiceSeries.IdOf(series), new PartitionKey(next.TenantId), "invoice-series.read", ct);
                counter = (read, read?.Last ?? 0);
            }
            counters[series] = counter with { Last = counter.Last + 1 };
            invoices.Add(invoice with { Number = InvoiceNumbers.Format(series, counter.Last + 1) });
        }
        var account = next with { Invoices = invoices };
        var taken = counters.Select(c => new DocumentWrite(InvoiceSeries.Of(next.TenantId, c.Key, c.Value.Last), c.Value.Stored)).ToList();
        return new Prepared(account, null, taken, LedgerLine.Changed(account, stored?.Record),
            taken.Count == 0 ? null : token => CountersMovedAsync(next.TenantId, taken, token));
    }

    public async Task<Page<CustomerInvoiceView>> ListInvoicesAsync(TenantScope scope, InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var today = LedgerLine.Date(filter.Today);
        var (status, parameters) = filter.Status switch
        {
            InvoiceStatus.Paid => (" AND c.settled = true", new Dictionary<string, object>()),
            InvoiceStatus.Open => (" AND c.settled = false AND c.dueDate >= @today", new Dictionary<string, object> { ["@today"] = today }),
            InvoiceStatus.Overdue => (" AND c.settled = false AND c.dueDate < @today", new Dictionary<string, object> { ["@today"] = today }),
            _ => ("", new Dictionary<string, object>()),
        };
        var page = await PageAsync(scope, LedgerLine.InvoiceLine, filter.CustomerId, status, parameters, pageSize, cursor, ct);
        return page.Map(l => new CustomerInvoiceView(l.CustomerId, l.CustomerName, l.Invoice!, l.Invoice!.StatusOn(filter.Today)));
    }

    public async Task<Page<CustomerPaymentView>> ListPaymentsAsync(TenantScope scope, Guid? customerId, int pageSize, string? cursor, CancellationToken ct) =>
        (await PageAsync(scope, LedgerLine.PaymentLine, customerId, "", [], pageSize, cursor, ct))
            .Map(l => new CustomerPaymentView(l.CustomerId, l.CustomerName, l.Payment!));

    /// <summary>Newest first by date, then id; the cursor is the last line's date and id.</summary>
    private async Task<Page<LedgerLine>> PageAsync(TenantScope scope, string line, Guid? customerId, string filter, Dictionary<string, object> parameters,
        int pageSize, string? cursor, CancellationToken ct)
    {
        (string On, string Id)? after = Cursor.Decode(cursor)?.Split('|') switch
        {
            null => null,
            [var on, var id] => (on, id),
            _ => throw Cursor.Invalid(),
        };
        var query = new QueryDefinition($"""
                SELECT TOP {pageSize + 1} * FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.line = @line{filter}
                {(customerId is null ? "" : "AND c.customerId = @customer")} {(after is null ? "" : "AND (c.onDate < @on OR (c.onDate = @on AND c.id < @id))")}
                ORDER BY c.onDate DESC, c.id DESC
                """)
            .WithParameter("@t", scope.TenantId).WithParameter("@k", LedgerLine.KindName).WithParameter("@line", line);
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);
        if (customerId is { } customer) query = query.WithParameter("@customer", customer);
        if (after is var (afterOn, afterId)) query = query.WithParameter("@on", afterOn).WithParameter("@id", afterId);
        var lines = await Db.QueryAsync<LedgerLine>(Db.Data, query, new PartitionKey(scope.TenantId), "ledger-line.list", ct, pageSize + 1);
        var next = lines.Count > pageSize ? Cursor.Encode($"{lines[pageSize - 1].OnDate}|{lines[pageSize - 1].Id}") : null;
        var shown = lines.Take(pageSize).ToList();
        await NameAsync(scope, shown, ct);
        return new Page<LedgerLine>(shown, next);
    }

    private sealed record AccountName(string Id, string Name);

    /// <summary>Each line's customer's current name, read in one query of the page's accounts' names alone.</summary>
    private async Task NameAsync(TenantScope scope, List<LedgerLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0) return;
        var ids = lines.Select(l => RecordDocument<CustomerAccount>.IdOf(Kind, l.CustomerId)).Distinct().ToArray();
        var names = await Db.QueryAsync<AccountName>(Db.Data, new QueryDefinition(
                "SELECT c.id, c.name FROM c WHERE c.tenantId = @t AND c.kind = @k AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@t", scope.TenantId).WithParameter("@k", Kind).WithParameter("@ids", ids), new PartitionKey(scope.TenantId), "ledger-line.names", ct);
        var byId = names.ToDictionary(n => n.Id, n => n.Name);
        foreach (var line in lines) line.CustomerName = byId.GetValueOrDefault(RecordDocument<CustomerAccount>.IdOf(Kind, line.CustomerId), "");
    }

    private async Task<bool> CountersMovedAsync(string tenantId, List<DocumentWrite> taken, CancellationToken ct)
    {
        foreach (var write in taken)
        {
            var (_, etag) = await Db.ReadAsync<InvoiceSeries>(Db.Data, write.Next.Id, new PartitionKey(tenantId), "invoice-series.read", ct);
            if (etag != write.Stored?.ETag) return true;
        }
        return false;
    }

    protected override (string TenantId, Guid Id, string Name, long Version) Identity(CustomerAccount a) => (a.TenantId, a.Id, a.Name, a.Version);

    protected override CustomerAccount WithVersion(CustomerAccount a, long version) => a with { Version = version };

    /// <summary>A tenant's invoice series (<see cref="InvoiceNumbers.Series"/>) and the last number it gave.</summary>
    private sealed class InvoiceSeries : TenantDocument
    {
        public override string Kind { get; set; } = "invoice-series";

        public long Last { get; set; }

        public static string IdOf(string series) => "invoice-series-" + series;

        public static InvoiceSeries Of(string tenantId, string series, long last) => new() { Id = IdOf(series), TenantId = tenantId, Last = last };
    }
}
