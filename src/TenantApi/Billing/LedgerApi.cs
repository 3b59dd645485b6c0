using BackOffice.Core.Billing;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Billing;

public sealed record InvoiceRow(Guid CustomerId, string Customer, Guid Id, string Number, string Currency, decimal Total, decimal Paid, decimal Balance, string Status,
    DateOnly IssuedOn, DateOnly DueDate);

public sealed record PaymentRow(Guid CustomerId, string Customer, Guid Id, string Reference, string Currency, decimal Amount, decimal Unapplied, DateOnly ReceivedOn);

/// <summary>The tenant's invoices and payments across customers: filtered lists and CSV exports.</summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var tenant = api.MapGroup("/tenants/{tenantId}").WithTags("Billing");
        tenant.MapGet("/invoices", Invoices).WithSummary("List a tenant's invoices");
        tenant.MapGet("/invoices.csv", InvoicesCsv).WithSummary("Export invoices as CSV");
        tenant.MapGet("/payments", Payments).WithSummary("List a tenant's payments");
        tenant.MapGet("/payments.csv", PaymentsCsv).WithSummary("Export payments as CSV");
        return api;
    }

    private static InvoiceRow Row(CustomerInvoiceView v) => new(v.CustomerId, v.CustomerName, v.Invoice.Id, v.Invoice.Number, v.Invoice.Currency, v.Invoice.Total,
        v.Invoice.Paid, v.Invoice.Balance, v.Status, v.Invoice.IssuedOn, v.Invoice.DueDate);

    private static PaymentRow Row(CustomerPaymentView v) => new(v.CustomerId, v.CustomerName, v.Payment.Id, v.Payment.Reference, v.Payment.Currency, v.Payment.Amount,
        v.Payment.Unapplied, v.Payment.ReceivedOn);

    /// <summary>Filters: <paramref name="status"/> (open, overdue, paid) and <paramref name="customerId"/>; newest issued first, keyset-paged.</summary>
    private static async Task<Ok<PageResponse<InvoiceRow>>> Invoices(string tenantId, string? status, Guid? customerId, int? pageSize, string? cursor, CurrentActor actor,
        ReadLedger useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<InvoiceRow>.From(await useCase.InvoicesAsync(actor, tenantId, new LedgerQuery(status, customerId, pageSize, cursor), ct), Row));

    private static async Task<Ok<PageResponse<PaymentRow>>> Payments(string tenantId, Guid? customerId, int? pageSize, string? cursor, CurrentActor actor, ReadLedger useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<PaymentRow>.From(await useCase.PaymentsAsync(actor, tenantId, new LedgerQuery(null, customerId, pageSize, cursor), ct), Row));

    private static async Task<FileContentHttpResult> InvoicesCsv(string tenantId, string? status, Guid? customerId, CurrentActor actor, BillingExport useCase,
        CancellationToken ct) =>
        CsvFile.From(await useCase.InvoicesAsync(actor, tenantId, new LedgerQuery(status, customerId), ct));

    private static async Task<FileContentHttpResult> PaymentsCsv(string tenantId, Guid? customerId, CurrentActor actor, BillingExport useCase, CancellationToken ct) =>
        CsvFile.From(await useCase.PaymentsAsync(actor, tenantId, new LedgerQuery(null, customerId), ct));
}
