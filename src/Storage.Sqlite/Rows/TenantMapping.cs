using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Sqlite.Rows;

internal static class TenantMapping
{
    public static TenantRow ToRow(this Tenant t) => new()
    {
        Id = t.Id, DisplayName = t.DisplayName, Status = t.Status.ToText(), ServiceLines = string.Join(',', t.ServiceLines.Select(l => l.ToText())),
        TimeZone = t.TimeZone, DirectoryIds = string.Join(',', t.DirectoryIds), CreatedAt = t.CreatedAt.ToTicks(), UpdatedAt = t.UpdatedAt.ToTicks(), Version = t.Version,
        SlaVersion = t.SlaVersion, DedicatedLines = string.Join(',', t.DedicatedLines.Select(l => l.ToText())),
    };

    public static Tenant ToTenant(this TenantRow r) => Tenant.Restore(
        r.Id, r.DisplayName, EnumText.Parse<TenantStatus>(r.Status), Split(r.ServiceLines).Select(EnumText.Parse<ServiceLine>).ToList(),
        r.TimeZone, Split(r.DirectoryIds).ToList(), Time.FromTicks(r.CreatedAt), Time.FromTicks(r.UpdatedAt), r.Version, r.SlaVersion,
        Split(r.DedicatedLines).Select(EnumText.Parse<ServiceLine>).ToList());

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
