using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Activity;

public sealed class ReadActivity(TenantAccess access, IActivityStore activity)
{
    public async Task<Page<ActivityEntry>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return await activity.ListAsync(scope, size, cursor, ct);
    }
}
