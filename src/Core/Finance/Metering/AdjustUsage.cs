using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Metering;

/// <summary>A correction of a tenant's usage: units of a meter, negative or positive, with why; optionally the item it concerns.</summary>
public sealed record UsageAdjustmentRequest(string? Meter, decimal? Quantity, string? Reason, Guid? ItemId);

/// <summary>
/// Corrects usage the only way the ledger allows: a new adjustment entry with who and why, in the tenant's first open
/// period (nothing is edited or deleted). The finance desk's alone.
/// </summary>
public sealed class AdjustUsage(TenantAccess access, IUsageLedger ledger, TimeProvider time)
{
    public const decimal MaxQuantity = 1_000_000m;

    public async Task<UsageEntry> HandleAsync(Actor actor, string tenantId, UsageAdjustmentRequest request, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.Desk);
        var errors = new FieldErrors();
        var meter = Meters.Parse(errors, "meter", request.Meter);
        if (request.Quantity is not { } quantity) errors.Add("quantity", "'quantity' is required: units to add, or negative to take off.");
        else if (quantity == 0 || Math.Abs(quantity) > MaxQuantity) errors.Add("quantity", $"'quantity' is non-zero and at most {MaxQuantity} units either way.");
        else if (decimal.Round(quantity, UsageEntry.QuantityDecimals) != quantity) errors.Add("quantity", $"'quantity' has at most {UsageEntry.QuantityDecimals} decimals.");
        if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add("reason", "Say why the usage is corrected.");
        var reason = errors.Optional("reason", request.Reason, 500, multiLine: true);
        errors.ThrowIfAny();
        var now = time.GetUtcNow();
        var entry = await ledger.RecordAsync(scope, new NewUsage(Guid.CreateVersion7(now), meter!.Value, request.Quantity!.Value, now,
            BillingPeriod.Of(now, tenant.TimeZone), UsageKind.Adjustment, request.ItemId, null, null, actor.Name, reason, now), ct);
        return entry ?? throw new ConflictException("The adjustment was recorded already.");
    }
}
