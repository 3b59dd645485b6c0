using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// The local issuer's documents in the platform container (the provider's invoices to tenants, no tenant's own records):
/// a customer per tenant, an invoice per key, and a numbering series per period.
/// </summary>
internal static class LocalInvoiceDocuments
{
    public const string InvoiceKind = "local-invoice";

    public static string CustomerId(string tenantId) => $"issuer-customer-{tenantId}";

    /// <summary>A key is "tenant/period"; base64url keeps it a valid document id.</summary>
    public static string InvoiceId(string key) => "local-invoice-" + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(key));

    public static string SeriesId(string period) => $"local-invoice-series-{period}";

    internal sealed class CustomerDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = "issuer-customer";

        public required string CustomerId { get; set; }

        public required string TenantId { get; set; }

        public required string Name { get; set; }

        public string? Email { get; set; }

        public DateTimeOffset CreatedAt { get; set; }
    }

    internal sealed class LocalInvoiceDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = InvoiceKind;

        public required string ExternalId { get; set; }

        public required string Key { get; set; }

        public Guid InvoiceId { get; set; }

        public required string CustomerId { get; set; }

        public required string TenantId { get; set; }

        public required string Period { get; set; }

        public int Sequence { get; set; }

        public required string Currency { get; set; }

        public DateOnly DueDate { get; set; }

        public required string Status { get; set; }

        public DateTimeOffset IssuedAt { get; set; }

        public DateTimeOffset StatusAt { get; set; }

        public List<LineData> Lines { get; set; } = [];

        /// <summary>Period then sequence, the customer's list's one sort key.</summary>
        public required string SortKey { get; set; }

        [JsonPropertyName("_etag")]
        public string? ETag { get; set; }

        public static LocalInvoiceDocument From(LocalInvoice i, int sequence) => new()
        {
            Id = InvoiceId(i.Key), ExternalId = i.ExternalId, Key = i.Key, InvoiceId = i.InvoiceId, CustomerId = i.CustomerId, TenantId = i.TenantId,
            Period = i.Period, Sequence = sequence, Currency = i.Currency, DueDate = i.DueDate, Status = i.Status.ToText(), IssuedAt = i.IssuedAt,
            StatusAt = i.StatusAt, Lines = [.. i.Lines.Select(l => new LineData(l.LineId, l.Description, l.Quantity, l.AmountMinor))],
            SortKey = $"{i.Period}|{sequence:D10}",
        };

        public LocalInvoice ToInvoice() => new(ExternalId, Key, InvoiceId, CustomerId, TenantId, Period, Currency, DueDate, Sequence,
            EnumText.Parse<IssuedStatus>(Status), IssuedAt, StatusAt, [.. Lines.Select(l => new IssueLine(l.LineId, l.Description, l.Quantity, l.AmountMinor))]);
    }

    /// <summary>
    /// A period's numbering: the last number given and the invoice it was given to. Whoever advances the series next first
    /// writes that invoice (if its writer stopped before), so every number given belongs to a stored invoice: no gaps, and
    /// the conditional replace that advances it gives no number twice.
    /// </summary>
    internal sealed class SeriesDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = "local-invoice-series";

        public int Last { get; set; }

        public LocalInvoiceDocument? Numbered { get; set; }

        [JsonPropertyName("_etag")]
        public string? ETag { get; set; }
    }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    internal sealed record LineData(Guid LineId, string Description, decimal Quantity, long AmountMinor);
}
