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

    private DateOnly Today(Tenant tenant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone)).DateTime);
}
