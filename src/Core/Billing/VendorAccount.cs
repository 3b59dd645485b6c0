using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Billing;

/// <summary>A vendor's bill to approve and pay; a vendor by id, or by name (<see cref="VendorNames"/>: the one of that name, else new).</summary>
public sealed record VendorBill(Guid? VendorId, string? VendorName, string Number, decimal Amount, string Currency, DateOnly DueDate) : BillingPayload;

public sealed record Bill(Guid Id, string Number, decimal Amount, string Currency, DateOnly DueDate, string ApprovedBy, DateOnly PaidOn, Guid ItemId);

/// <summary>A tenant's vendor and the bills paid to it. A vendor's bill number is paid once: a second one is refused as a duplicate.</summary>
public sealed record VendorAccount(Guid Id, string TenantId, string Name, IReadOnlyList<Bill> Bills, long Version)
{
    public static VendorAccount Open(TenantScope scope, Guid id, string name) => new(id, scope.TenantId, name, [], 0);

    public IReadOnlyDictionary<string, decimal> Paid => Bills.GroupBy(b => b.Currency).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount));

    public bool HasPaid(string billNumber) => Bills.Any(b => string.Equals(b.Number, billNumber, StringComparison.OrdinalIgnoreCase));

    public VendorAccount Pay(Guid billId, VendorBill bill, string approvedBy, DateOnly on, Guid itemId)
    {
        if (HasPaid(bill.Number)) throw new ConflictException($"{Name}'s bill {bill.Number} was already paid; a duplicate is not paid twice.");
        return this with { Bills = [.. Bills, new Bill(billId, bill.Number, bill.Amount, bill.Currency, bill.DueDate, approvedBy, on, itemId)] };
    }
}

/// <summary>A tenant's vendors; paying a bill saves the item and the vendor in one transaction.</summary>
public interface IVendorAccountStore
{
    Task<VendorAccount?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    Task<Page<VendorAccount>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>
    /// The vendors whose name has the same <see cref="VendorNames.Key"/>: one at most, except vendors stored before names were
    /// matched, which may share one.
    /// </summary>
    Task<IReadOnlyList<VendorAccount>> FindByNameAsync(TenantScope scope, string name, CancellationToken ct);

    /// <summary>
    /// As <see cref="Hr.IEmployeeStore.SaveWithItemAsync"/>: both or neither, each under its version. A new vendor whose name key another
    /// vendor has taken meanwhile is a <see cref="ConcurrencyConflictException"/>, and nothing is written.
    /// </summary>
    Task<VendorAccount> SaveWithItemAsync(TenantScope scope, VendorAccount vendor, WorkItems.WorkItem item, long expectedItemVersion, CancellationToken ct);
}
