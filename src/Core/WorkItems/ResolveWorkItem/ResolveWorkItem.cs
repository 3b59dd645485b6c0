using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ResolveWorkItem;

/// <param name="Fields">The typed fields of the item's type (see <see cref="ResolutionFields"/>), by name.</param>
public sealed record ResolveWorkItemRequest(string? Comment, IReadOnlyDictionary<string, string?>? Fields = null);

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
        var fields = ResolutionFields.Check(item.Type, request.Fields, errors);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var now = time.GetUtcNow();
        if (OrderResolution.Applies(item))
        {
            var (warehouse, outcome) = await orders.ApplyAsync(scope, item, now, ct);
            item.Resolve(actor, comment!, now, With(outcome, fields));
            await warehouses.SaveWithItemAsync(scope, warehouse, item, expectedVersion!.Value, ct);
            return item;
        }
        var today = tenant.Today(now);
        if (PayablesResolution.Applies(item))
        {
            var (vendor, outcome) = await payables.ApplyAsync(scope, item, actor, now, today, ct);
            item.Resolve(actor, comment!, now, With(outcome, fields));
            await vendors.SaveWithItemAsync(scope, vendor, item, expectedVersion!.Value, ct);
            return item;
        }
        if (BillingResolution.Applies(item))
        {
            var (account, outcome) = await billing.ApplyAsync(scope, item, now, today, ct);
            item.Resolve(actor, comment!, now, With(outcome, fields));
            await accounts.SaveWithItemAsync(scope, account, item, expectedVersion!.Value, ct);
            return item;
        }
        if (!HrResolution.Applies(item))
        {
            item.Resolve(actor, comment!, now, With(null, fields));
            await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
            return item;
        }
        var employee = await hr.ApplyAsync(scope, item, now, ct);
        item.Resolve(actor, comment!, now, With(new Dictionary<string, string?> { ["employeeId"] = employee.Id.ToString() }, fields));
        await employees.SaveWithItemAsync(scope, employee, item, expectedVersion!.Value, ct);
        return item;
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? outcome, IReadOnlyDictionary<string, string> fields)
    {
        var details = new Dictionary<string, string?>(outcome ?? new Dictionary<string, string?>());
        foreach (var (name, value) in fields) details[name] = value;
        return details;
    }
}
