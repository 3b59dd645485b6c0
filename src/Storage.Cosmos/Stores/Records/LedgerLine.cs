using System.Globalization;
using System.Text.Json;
using BackOffice.Core.Billing;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// One invoice or payment of a customer account, beside the account in its tenant's partition, so invoices and payments list
/// across customers (newest first, by status) without reading each account. Dates are ISO text, which sorts as the dates do.
/// The customer's name is not copied onto its lines (a rename would rewrite them all): a list reads it from the accounts.
/// </summary>
internal sealed class LedgerLine : TenantDocument
{
    public const string KindName = "ledger-line", InvoiceLine = "invoice", PaymentLine = "payment";

    public override string Kind { get; set; } = KindName;

    public required string Line { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>Filled in by the list from the customer's account; never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CustomerName { get; set; } = "";

    public required string OnDate { get; set; }

    public string? DueDate { get; set; }

    public bool Settled { get; set; }

    public Invoice? Invoice { get; set; }

    public Payment? Payment { get; set; }

    /// <summary>
    /// Upserts of the lines the save changes: those new or different from the stored account's. An account is written whole,
    /// so a payment's changes to the invoices it pays are among them.
    /// </summary>
    public static List<DocumentWrite> Changed(CustomerAccount next, CustomerAccount? stored)
    {
        var invoices = stored?.Invoices.ToDictionary(i => i.Id, Json) ?? [];
        var payments = stored?.Payments.ToDictionary(p => p.Id, Json) ?? [];
        return
        [
            .. next.Invoices.Where(i => invoices.GetValueOrDefault(i.Id) != Json(i)).Select(i => DocumentWrite.Upsert(Of(next, i))),
            .. next.Payments.Where(p => payments.GetValueOrDefault(p.Id) != Json(p)).Select(p => DocumentWrite.Upsert(Of(next, p))),
        ];
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LedgerLine Of(CustomerAccount a, Invoice i) => new()
    {
        Id = $"ledger-{InvoiceLine}-{i.Id:D}", TenantId = a.TenantId, Line = InvoiceLine, CustomerId = a.Id,
        OnDate = Date(i.IssuedOn), DueDate = Date(i.DueDate), Settled = i.Balance == 0, Invoice = i,
    };

    private static LedgerLine Of(CustomerAccount a, Payment p) => new()
    {
        Id = $"ledger-{PaymentLine}-{p.Id:D}", TenantId = a.TenantId, Line = PaymentLine, CustomerId = a.Id,
        OnDate = Date(p.ReceivedOn), Settled = true, Payment = p,
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CosmosDatabase.Json);
}
