using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ResolveWorkItem;

public sealed record ResolveWorkItemRequest(string? Comment);

/// <summary>
/// The agent holding the claim (or a supervisor) closes the work with a comment for the client. HR, billing and order
/// work change the tenant's employees, customer accounts or warehouse in the same transaction: both are saved, or neither.
/// </summary>
public sealed class ResolveWorkItem(TenantAccess access, IWorkItemStore items, IEmployeeStore employees, HrResolution hr,
    ICustomerAccountStore accounts, BillingResolution billing, IVendorAccountStore vendors, PayablesResolution payables,
    IWarehouseStore warehouses, OrderResolution orders, TimeProvider time)
{
    public async Task<WorkItem> HandleAsync(Actor actor, string tenantId, Guid itemId, ResolveWorkItemRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var errors = new FieldErrors();
        var comment = errors.Required("comment", request.Comment, WorkItemFields.ResolutionMax, multiLine: true);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var now = time.GetUtcNow();
        if (OrderResolution.Applies(item))
        {
            var (warehouse, outcome) = await orders.ApplyAsync(scope, item, now, ct);
            item.Resolve(actor, comment!, now, outcome);
            await warehouses.SaveWithItemAsync(scope, warehouse, item, expectedVersion!.Value, ct);
            return item;
        }
        var today = tenant.Today(now);
        if (PayablesResolution.Applies(item))
        {
            var (vendor, outcome) = await payables.ApplyAsync(scope, item, actor, now, today, ct);
            item.Resolve(actor, comment!, now, outcome);
            await vendors.SaveWithItemAsync(scope, vendor, item, expectedVersion!.Value, ct);
            return item;
        }
        if (BillingResolution.Applies(item))
        {
            var (account, outcome) = await billing.ApplyAsync(scope, item, now, today, ct);
            item.Resolve(actor, comment!, now, outcome);
            await accounts.SaveWithItemAsync(scope, account, item, expectedVersion!.Value, ct);
            return item;
        }
        if (!HrResolution.Applies(item))
        {
            item.Resolve(actor, comment!, now);
            await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
            return item;
        }
        var employee = await hr.ApplyAsync(scope, item, now, ct);
        item.Resolve(actor, comment!, now, new Dictionary<string, string?> { ["employeeId"] = employee.Id.ToString() });
        await employees.SaveWithItemAsync(scope, employee, item, expectedVersion!.Value, ct);
        return item;
    }
}
