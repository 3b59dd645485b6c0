using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Payments;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Finance;

public sealed record ExcludeRequest(string? Reason);

/// <summary>
/// A tenant's invoices: read by the finance desk and the tenant's admins (issued ones only), each line opened down to its work;
/// drafts excluded or adjusted, and payments of the local issuer recorded, by the finance desk under If-Match.
/// </summary>
public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/tenants/{tenantId}/billing/invoices").WithTags("Billing");
        invoices.MapGet("/", List).WithSummary("List the platform's invoices to a tenant");
        invoices.MapGet("/{invoiceId:guid}", Get).WithSummary("Read an invoice with its lines");
        invoices.MapGet("/{invoiceId:guid}/lines/{lineId:guid}", Line).WithSummary("Open an invoice line down to its usage and work items");
        invoices.MapPost("/{invoiceId:guid}/exclude", Exclude).WithSummary("Leave a tenant's draft out of its run");
        invoices.MapPost("/{invoiceId:guid}/adjustments", Adjust).WithSummary("Add a manual line to a draft");
        invoices.MapPost("/{invoiceId:guid}/payments", RecordPayment).WithSummary("Record a payment, void or write-off (local issuer)");
        return api;
    }

    private static async Task<Ok<PageResponse<InvoiceResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ReadInvoices useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<InvoiceResponse>.From(await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct), InvoiceResponse.From));

    private static async Task<Ok<InvoiceResponse>> Get(string tenantId, Guid invoiceId, CurrentActor actor, ReadInvoices useCase, HttpContext http, CancellationToken ct) =>
        Answer(http, await useCase.GetAsync(actor, tenantId, invoiceId, ct));

    private static async Task<Ok<LineDrilldownResponse>> Line(string tenantId, Guid invoiceId, Guid lineId, int? pageSize, string? cursor, CurrentActor actor,
        ReadInvoices useCase, CancellationToken ct) =>
        TypedResults.Ok(LineDrilldownResponse.From(await useCase.LineAsync(actor, tenantId, invoiceId, lineId, pageSize, cursor, ct)));

    private static async Task<Ok<InvoiceResponse>> Exclude(string tenantId, Guid invoiceId, ExcludeRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ReviewInvoices useCase, HttpContext http, CancellationToken ct) =>
        Answer(http, await useCase.ExcludeAsync(actor, tenantId, invoiceId, request.Reason, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<InvoiceResponse>> Adjust(string tenantId, Guid invoiceId, AdjustmentRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ReviewInvoices useCase, HttpContext http, CancellationToken ct) =>
        Answer(http, (await useCase.AdjustAsync(actor, tenantId, invoiceId, request, ETags.Parse(ifMatch), ct)).Invoice);

    private static async Task<Ok<InvoiceResponse>> RecordPayment(string tenantId, Guid invoiceId, PaymentRecordRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch, CurrentActor actor, Payments useCase, HttpContext http, CancellationToken ct) =>
        Answer(http, await useCase.RecordAsync(actor, tenantId, invoiceId, request, ETags.Parse(ifMatch), ct));

    private static Ok<InvoiceResponse> Answer(HttpContext http, Core.Finance.Runs.TenantInvoice invoice)
    {
        ETags.Set(http, invoice.Version);
        return TypedResults.Ok(InvoiceResponse.From(invoice));
    }
}
