using BackOffice.Core.Billing;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Billing;

public sealed record InvoiceResponse(Guid Id, string Number, string Currency, IReadOnlyList<InvoiceLine> Lines, decimal Net, decimal Tax, decimal Total, decimal Paid,
    decimal Balance, string Status, DateOnly IssuedOn, DateOnly DueDate, IReadOnlyList<string> CollectionNotes);

public sealed record CustomerResponse(Guid Id, string Name, string? Email, IReadOnlyDictionary<string, decimal> Outstanding, IReadOnlyDictionary<string, decimal> Credit,
    IReadOnlyList<InvoiceResponse>? Invoices, IReadOnlyList<Payment>? Payments)
{
    public static CustomerResponse From(CustomerAccount a, DateOnly today, bool full = false) => new(a.Id, a.Name, a.Email, a.Outstanding, a.Credit,
        full ? a.Invoices.Select(i => new InvoiceResponse(i.Id, i.Number, i.Currency, i.Lines, i.Net, i.Tax, i.Total, i.Paid, i.Balance, i.StatusOn(today), i.IssuedOn,
            i.DueDate, i.CollectionNotes)).ToList() : null,
        full ? a.Payments : null);
}

/// <summary>A tenant's customers as its billing work keeps them: invoices, payments, credit and balances.</summary>
public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/tenants/{tenantId}/customers").WithTags("Billing");
        customers.MapGet("/", List).WithSummary("List a tenant's customers");
        customers.MapGet("/{customerId:guid}", Get).WithSummary("Read a customer's account");
        return api;
    }

    private static async Task<Ok<PageResponse<CustomerResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ReadCustomers useCase, CancellationToken ct)
    {
        var (page, today) = await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct);
        return TypedResults.Ok(PageResponse<CustomerResponse>.From(page, a => CustomerResponse.From(a, today)));
    }

    private static async Task<Ok<CustomerResponse>> Get(string tenantId, Guid customerId, CurrentActor actor, ReadCustomers useCase, CancellationToken ct)
    {
        var (account, today) = await useCase.GetAsync(actor, tenantId, customerId, ct);
        return TypedResults.Ok(CustomerResponse.From(account, today, full: true));
    }
}
