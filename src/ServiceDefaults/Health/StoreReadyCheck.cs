using BackOffice.Core.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackOffice.ServiceDefaults.Health;

/// <summary>Ready when the configured store answers a read, whichever adapter is behind it.</summary>
internal sealed class StoreReadyCheck(ITenantStore tenants) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await tenants.ListAsync(1, null, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}
