using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.ServiceDefaults.Auth;

/// <summary>A demo user; provider staff have no <see cref="TenantId"/> and sign in from the provider's directory.</summary>
public sealed record DemoUser(string Subject, string Name, string Role, string? TenantId, string? DirectoryId);

/// <summary>The demo tenants and people seeded on the embedded default, and offered by the dev sign-in.</summary>
public static class DemoDirectory
{
    public static readonly IReadOnlyList<NewTenant> Tenants =
    [
        new("northwind", "Northwind Traders", [ServiceLine.Hr, ServiceLine.Billing, ServiceLine.Orders], "Europe/London", ["a1a1a1a1-0000-4000-8000-000000000001"]),
        new("contoso", "Contoso Health", [ServiceLine.Hr, ServiceLine.Billing], "America/New_York", ["c2c2c2c2-0000-4000-8000-000000000002"]),
        new("tailspin", "Tailspin Toys", [ServiceLine.Orders, ServiceLine.Billing], "Australia/Sydney", ["d3d3d3d3-0000-4000-8000-000000000003"]),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("pat-admin", "Pat Admin", Roles.PlatformAdmin, null, null),
        new("sam-supervisor", "Sam Supervisor", Roles.Supervisor, null, null),
        new("alex-agent", "Alex Agent", Roles.Agent, null, null),
        new("jo-agent", "Jo Agent", Roles.Agent, null, null),
        new("fin-finance", "Fin Finance", Roles.Finance, null, null),
        new("nora-northwind", "Nora (Northwind admin)", Roles.ClientAdmin, "northwind", Tenants[0].DirectoryIds[0]),
        new("ned-northwind", "Ned (Northwind user)", Roles.ClientUser, "northwind", Tenants[0].DirectoryIds[0]),
        new("cara-contoso", "Cara (Contoso admin)", Roles.ClientAdmin, "contoso", Tenants[1].DirectoryIds[0]),
        new("tom-tailspin", "Tom (Tailspin user)", Roles.ClientUser, "tailspin", Tenants[2].DirectoryIds[0]),
    ];

    /// <summary>Alex works every line and tenant and is HR-skilled (sees pay); Jo works billing and orders for two tenants.</summary>
    public static IReadOnlyList<Core.Routing.AgentProfile> AgentProfiles(DateTimeOffset at) =>
    [
        new("alex-agent", "Alex Agent", [ServiceLine.Hr, ServiceLine.Billing, ServiceLine.Orders], null, 5, at, "demo seed"),
        new("jo-agent", "Jo Agent", [ServiceLine.Billing, ServiceLine.Orders], ["northwind", "tailspin"], 3, at, "demo seed"),
    ];
}
