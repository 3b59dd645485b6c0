using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Billing;

/// <summary>Resolving a vendor bill approves and pays it: the agent who resolves is its approver, the day its payment date.</summary>
public sealed class PayablesResolution(IVendorAccountStore vendors)
{
    public static bool Applies(WorkItem item) => item.ServiceLine == ServiceLine.Billing && item.Payload is not null && item.Type == "vendor-bill";

    public async Task<(VendorAccount Vendor, Dictionary<string, string?> Outcome)> ApplyAsync(TenantScope scope, WorkItem item, Actor by, DateTimeOffset now, DateOnly today,
        CancellationToken ct)
    {
        var bill = (VendorBill)BillingPayloadParser.FromJson(item.Type, item.Payload!);
        var vendor = bill.VendorId is { } id
            ? await vendors.FindAsync(scope, id, ct) ?? throw new ConflictException($"Vendor {id} of this item is not on {scope.TenantId}'s books.")
            : VendorAccount.Open(scope, Guid.CreateVersion7(now), bill.VendorName!);
        var paid = vendor.Pay(Guid.CreateVersion7(now), bill, by.Name, today, item.Id);
        return (paid, new() { ["vendorId"] = paid.Id.ToString(), ["billId"] = paid.Bills[^1].Id.ToString() });
    }
}
