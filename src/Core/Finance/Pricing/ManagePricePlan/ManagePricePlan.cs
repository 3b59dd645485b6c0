using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Pricing.ManagePricePlan;

/// <summary>The plan a tenant is on now (<see cref="Current"/>, the platform default until finance sets one) and every version.</summary>
public sealed record PricePlanView(string TenantId, long Version, PricePlan Current, bool IsDefault, IReadOnlyList<PricePlanVersion> Versions);

/// <summary>Reading and changing a tenant's price plan: finance and platform admins change it; they and the tenant's admins read it.</summary>
public sealed class ManagePricePlan(TenantAccess access, IPricePlanStore plans, TimeProvider time)
{
    private const int ReasonMax = 500;
    private static readonly string[] Readers = [Roles.Finance, Roles.PlatformAdmin, Roles.ClientAdmin];

    public async Task<PricePlanView> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Readers);
        return View(await plans.GetAsync(scope, ct), BillingPeriod.Of(time.GetUtcNow(), tenant.TimeZone));
    }

    /// <summary>Adds a version taking effect from a period not yet begun or billed; earlier periods keep the plan they had.</summary>
    public async Task<PricePlanView> ChangeAsync(Actor actor, string tenantId, PricePlanRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.Finance, Roles.PlatformAdmin);
        var now = time.GetUtcNow();
        var current = BillingPeriod.Of(now, tenant.TimeZone);
        var errors = new FieldErrors();
        var plan = PricePlanParser.Parse(request, current, errors);
        var reason = errors.Optional("reason", request.Reason, ReasonMax);
        errors.ThrowIfAny();
        var history = await plans.GetAsync(scope, ct);
        Versioned.Require(expectedVersion, history.Version, $"The price plan of tenant '{tenantId}'");
        history.Change(plan!, actor, now, reason);
        await plans.SaveAsync(scope, history, expectedVersion!.Value, ct);
        return View(history, current);
    }

    private static PricePlanView View(PricePlanHistory history, BillingPeriod current) =>
        new(history.TenantId, history.Version, history.For(current), history.IsDefault, history.Versions);
}
