using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Billing;

/// <summary>A tenant's customers with their invoices, payments, credit and what is outstanding, for its users and the provider.</summary>
public sealed class ReadCustomers(TenantAccess access, ICustomerAccountStore accounts, TimeProvider time)
{
    public async Task<(CustomerAccount Account, DateOnly Today)> GetAsync(Actor actor, string tenantId, Guid id, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return (await accounts.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Customer {id}"), Today(tenant));
    }

    public async Task<(Page<CustomerAccount> Page, DateOnly Today)> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return (await accounts.ListAsync(scope, size, cursor, ct), Today(tenant));
    }

    private DateOnly Today(Tenant tenant) => tenant.Today(time.GetUtcNow());
}

/// <summary>An invoice with its customer, for lists across customers.</summary>
public sealed record CustomerInvoiceView(Guid CustomerId, string CustomerName, Invoice Invoice, string Status);

public sealed record CustomerPaymentView(Guid CustomerId, string CustomerName, Payment Payment);

/// <summary>The tenant's invoices and payments across customers, filtered, newest first; read through every account.</summary>
public sealed class ReadLedger(ReadCustomers customers)
{
    public async Task<(IReadOnlyList<CustomerInvoiceView> Invoices, IReadOnlyList<CustomerPaymentView> Payments)> ReadAsync(Actor actor, string tenantId,
        string? status, Guid? customerId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (status is not (null or "open" or "overdue" or "paid")) errors.Add("status", "'status' must be open, overdue or paid.");
        errors.ThrowIfAny();
        var (invoices, payments) = (new List<CustomerInvoiceView>(), new List<CustomerPaymentView>());
        string? cursor = null;
        do
        {
            var (page, today) = await customers.ListAsync(actor, tenantId, Paging.MaxPageSize, cursor, ct);
            foreach (var account in page.Items.Where(a => customerId is null || a.Id == customerId))
            {
                invoices.AddRange(account.Invoices.Select(i => new CustomerInvoiceView(account.Id, account.Name, i, i.StatusOn(today))).Where(v => status is null || v.Status == status));
                payments.AddRange(account.Payments.Select(p => new CustomerPaymentView(account.Id, account.Name, p)));
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ([.. invoices.OrderByDescending(v => v.Invoice.IssuedOn).ThenByDescending(v => v.Invoice.Id)],
            [.. payments.OrderByDescending(v => v.Payment.ReceivedOn).ThenByDescending(v => v.Payment.Id)]);
    }
}
