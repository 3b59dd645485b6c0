using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Activity;

public interface IActivityStore
{
    /// <summary>Adds the entry unless one with its event id is there already.</summary>
    Task AppendAsync(TenantScope scope, ActivityEntry entry, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<Page<ActivityEntry>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct);
}
