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
            : await ByNameAsync(scope, bill.VendorName!, now, ct);
        // Vendors stored before names were matched may share one; a bill paid to any of them is paid. A vendor found by
        // name is the only one of that name (ByNameAsync refuses several), so only a vendor given by id can have namesakes.
        IReadOnlyList<VendorAccount> namesakes = bill.VendorId is null ? [] : await vendors.FindByNameAsync(scope, vendor.Name, ct);
        if (namesakes.FirstOrDefault(v => v.Id != vendor.Id && v.HasPaid(bill.Number)) is { } paidTo)
            throw new ConflictException($"Bill {bill.Number} was already paid to {paidTo.Name} ({paidTo.Id}); a duplicate is not paid twice.");
        var paid = vendor.Pay(Guid.CreateVersion7(now), bill, by.Name, today, item.Id);
        return (paid, new() { ["vendorId"] = paid.Id.ToString(), ["billId"] = paid.Bills[^1].Id.ToString() });
    }

    /// <summary>The vendor of that name however it is typed, or a new one; refused when several share the name.</summary>
    private async Task<VendorAccount> ByNameAsync(TenantScope scope, string name, DateTimeOffset now, CancellationToken ct) =>
        await vendors.FindByNameAsync(scope, name, ct) switch
        {
            [] => VendorAccount.Open(scope, Guid.CreateVersion7(now), name),
            [var one] => one,
            var several => throw new ConflictException($"{several.Count} vendors of {scope.TenantId} are named like '{name}' "
                + $"({string.Join(", ", several.Select(v => v.Id))}): 'payload.vendorId' must say which one; submit the bill again with it."),
        };
}
