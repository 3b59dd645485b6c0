using BackOffice.Portal.Display;

namespace BackOffice.Portal.Components.Pages.Records;

/// <summary>The records' own pages below their lists, and the Portal's CSV downloads of each list as filtered.</summary>
public static class RecordRoutes
{
    public static string Employee(string tenant, Guid id) => $"{PortalRoutes.Employees(tenant)}/{id}";

    public static string Customer(string tenant, Guid id) => $"{PortalRoutes.Customers(tenant)}/{id}";

    /// <summary>"/tenants/{tenant}/exports/{file}.csv?search=..": empty filters are left out.</summary>
    public static string Export(string tenant, string file, params (string Name, string? Value)[] filters)
    {
        var query = string.Join('&', filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!.Trim())}"));
        return $"/tenants/{Uri.EscapeDataString(tenant)}/exports/{file}.csv{(query.Length > 0 ? "?" + query : "")}";
    }
}
