using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using Microsoft.Azure.Cosmos;
using static BackOffice.Storage.Cosmos.Stores.Finance.LocalInvoiceDocuments;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// The local issuer's book in the platform container: each customer and invoice created once under its key, invoices numbered
/// per period by a series document advanced with a conditional replace (see <see cref="SeriesDocument"/>).
/// </summary>
internal sealed class CosmosLocalInvoiceBook(CosmosDatabase db) : ILocalInvoiceBook
{
    public async Task<string> EnsureCustomerAsync(IssuerCustomer c, string id, DateTimeOffset at, CancellationToken ct)
    {
        var document = new CustomerDocument
        {
            Id = LocalInvoiceDocuments.CustomerId(c.TenantId), CustomerId = id, TenantId = c.TenantId, Name = c.Name, Email = c.Email, CreatedAt = at,
        };
        var key = new PartitionKey(document.Id);
        await db.TryCreateAsync(db.Platform, document, key, "local-book.customer", ct);
        return (await db.ReadAsync<CustomerDocument>(db.Platform, document.Id, key, "local-book.customer", ct)).Document!.CustomerId;
    }

    public async Task<LocalInvoice> CreateOrGetAsync(LocalInvoice invoice, CancellationToken ct)
    {
        var seriesKey = new PartitionKey(SeriesId(invoice.Period));
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "local-book.number");
            var (series, etag) = await db.ReadAsync<SeriesDocument>(db.Platform, SeriesId(invoice.Period), seriesKey, "local-book.series", ct);
            if (series?.Numbered is { } numbered) await CreateAsync(numbered, ct);
            if (await ReadAsync(invoice.Key, ct) is { } stored) return stored.ToInvoice();
            var last = series?.Last ?? 0;
            var next = new SeriesDocument { Id = SeriesId(invoice.Period), Last = last + 1, Numbered = LocalInvoiceDocument.From(invoice, last + 1) };
            try
            {
                var advanced = series is null
                    ? await db.TryCreateAsync(db.Platform, next, seriesKey, "local-book.number", ct) is not null
                    : await db.ReplaceAsync(db.Platform, next, next.Id, seriesKey, etag, "local-book.number", ct) is not null;
                if (!advanced) continue;
            }
            catch (ConcurrencyConflictException) { continue; }
            await CreateAsync(next.Numbered, ct);
            return (await ReadAsync(invoice.Key, ct))!.ToInvoice();
        }
    }

    public async Task<LocalInvoice?> FindAsync(string externalId, CancellationToken ct) => (await FindDocumentAsync(externalId, ct))?.ToInvoice();

    public async Task<IReadOnlyList<LocalInvoice>> ListByCustomerAsync(string customerId, CancellationToken ct)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @k AND c.customerId = @c ORDER BY c.sortKey")
            .WithParameter("@k", InvoiceKind).WithParameter("@c", customerId);
        var documents = await db.QueryAsync<LocalInvoiceDocument>(db.Platform, query, null, "local-book.list", ct);
        return documents.Select(d => d.ToInvoice()).ToList();
    }

    public async Task<bool> SetStatusAsync(string externalId, IssuedStatus from, IssuedStatus to, DateTimeOffset at, CancellationToken ct)
    {
        if (await FindDocumentAsync(externalId, ct) is not { } document) return false;
        PatchOperation[] set = [PatchOperation.Set("/status", to.ToText()), PatchOperation.Set("/statusAt", at)];
        // Status names are kebab-case words: safe as a literal.
        return await db.TryPatchAsync(db.Platform, document.Id, new PartitionKey(document.Id), set, null, "local-book.status", ct,
            $"FROM c WHERE c.status = '{from.ToText()}'") is not null;
    }

    private async Task CreateAsync(LocalInvoiceDocument document, CancellationToken ct) =>
        await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "local-book.invoice", ct);

    private async Task<LocalInvoiceDocument?> ReadAsync(string key, CancellationToken ct) =>
        (await db.ReadAsync<LocalInvoiceDocument>(db.Platform, InvoiceId(key), new PartitionKey(InvoiceId(key)), "local-book.invoice", ct)).Document;

    private async Task<LocalInvoiceDocument?> FindDocumentAsync(string externalId, CancellationToken ct) =>
        (await db.QueryAsync<LocalInvoiceDocument>(db.Platform, new QueryDefinition("SELECT * FROM c WHERE c.kind = @k AND c.externalId = @e")
            .WithParameter("@k", InvoiceKind).WithParameter("@e", externalId), null, "local-book.find", ct, 1)).SingleOrDefault();
}
