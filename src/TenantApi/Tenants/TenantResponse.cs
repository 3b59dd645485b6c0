using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.TenantApi.Http;

namespace BackOffice.TenantApi.Tenants;

public sealed record TenantResponse(string Id, string DisplayName, string Status, IReadOnlyList<string> ServiceLines, string TimeZone,
    IReadOnlyList<string> DirectoryIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag, IReadOnlyList<string> DedicatedQueues)
{
    public static TenantResponse From(Tenant t) => new(t.Id, t.DisplayName, t.Status.ToText(), t.ServiceLines.Select(l => l.ToText()).ToList(),
        t.TimeZone, t.DirectoryIds, t.CreatedAt, t.UpdatedAt, ETags.Format(t.Version), t.DedicatedLines.Select(t.QueueFor).ToList());
}

public sealed record TenantStatusChangeResponse(string Status, DateTimeOffset At, string ActorName, string? Reason)
{
    public static TenantStatusChangeResponse From(TenantStatusChange c) => new(c.Status.ToText(), c.At, c.ActorName, c.Reason);
}
