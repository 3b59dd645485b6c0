using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Admin = new("admin-1", "Ada Admin", new HashSet<string> { Roles.PlatformAdmin }, "p");
    public static readonly Actor Client = new("client-1", "Cleo Client", new HashSet<string> { Roles.ClientUser }, null);

    public static Actor Agent(int n) => new($"agent-{n}", $"Agent {n}", new HashSet<string> { Roles.Agent }, "p");

    public static Tenant Tenant(string id, params string[] directories) =>
        Core.Tenancy.Tenant.Onboard(new NewTenant(id, $"{id} Ltd", [ServiceLine.Hr, ServiceLine.Billing], "Europe/London",
            directories.Length > 0 ? directories : [Guid.NewGuid().ToString("D")]), Admin, Now);

    public static WorkItem Item(string tenantId, DateTimeOffset at, ServiceLine line = ServiceLine.Hr, Priority priority = Priority.P3, string title = "Onboard a new hire") =>
        WorkItem.Submit(TenantScope.ForWorker(tenantId), new NewWorkItem(line, "new-hire", priority, title, "Details"), Client, at);
}
