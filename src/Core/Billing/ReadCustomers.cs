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

    public async Task<(Page<CustomerAccount> Page, DateOnly Today)> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct,
        string? search = null)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        var text = errors.Optional("search", search, 100);
        errors.ThrowIfAny();
        var page = text is null ? await accounts.ListAsync(scope, size, cursor, ct)
            : await FilteredPaging.ReadAsync((n, c) => accounts.ListAsync(scope, n, c, ct), a => FilteredPaging.Matches(a.Name, text) || FilteredPaging.Matches(a.Email, text),
                size, cursor);
        return (page, Today(tenant));
    }

    private DateOnly Today(Tenant tenant) => tenant.Today(time.GetUtcNow());
}

/// <summary>An invoice with its customer, for lists across customers.</summary>
public sealed record CustomerInvoiceView(Guid CustomerId, string CustomerName, Invoice Invoice, string Status);

public sealed record CustomerPaymentView(Guid CustomerId, string CustomerName, Payment Payment);

public sealed record LedgerQuery(string? Status = null, Guid? CustomerId = null, int? PageSize = null, string? Cursor = null);

/// <summary>The tenant's invoices and payments across customers, filtered, newest first, read through the store's ledger index.</summary>
public sealed class ReadLedger(TenantAccess access, ICustomerAccountStore accounts, TimeProvider time)
{
    public async Task<Page<CustomerInvoiceView>> InvoicesAsync(Actor actor, string tenantId, LedgerQuery query, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var status = errors.Enum<InvoiceStatus>("status", query.Status, required: false);
        var size = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return await accounts.ListInvoicesAsync(scope, new InvoiceFilter(status, query.CustomerId, tenant.Today(time.GetUtcNow())), size, query.Cursor, ct);
    }

    public async Task<Page<CustomerPaymentView>> PaymentsAsync(Actor actor, string tenantId, LedgerQuery query, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return await accounts.ListPaymentsAsync(scope, query.CustomerId, size, query.Cursor, ct);
    }
}
