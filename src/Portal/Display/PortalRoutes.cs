namespace BackOffice.Portal.Display;

/// <summary>Where each page lives, so links and the navigation agree.</summary>
public static class PortalRoutes
{
    public static string Dashboard(string tenant) => $"/tenants/{tenant}/dashboard";
    public static string Submit(string tenant) => $"/tenants/{tenant}/submit";
    public static string WorkItems(string tenant) => $"/tenants/{tenant}/work-items";
    public static string WorkItem(string tenant, Guid id) => $"/tenants/{tenant}/work-items/{id}";
    public static string Imports(string tenant) => $"/tenants/{tenant}/imports";
    public static string Employees(string tenant) => $"/tenants/{tenant}/employees";
    public static string Customers(string tenant) => $"/tenants/{tenant}/customers";
    public static string Vendors(string tenant) => $"/tenants/{tenant}/vendors";
    public static string Orders(string tenant) => $"/tenants/{tenant}/orders";
    public static string Inventory(string tenant) => $"/tenants/{tenant}/inventory";
    public static string Sla(string tenant) => $"/tenants/{tenant}/sla";
    public static string Webhooks(string tenant) => $"/tenants/{tenant}/webhooks";
    public static string Billing(string tenant) => $"/tenants/{tenant}/billing";
    public static string BillingInvoice(string tenant, Guid invoice) => $"/tenants/{tenant}/billing/invoices/{invoice}";
    public static string BillingRun(Guid run) => $"{BillingRuns}/{run}";
    public static string FinanceTenant(string tenant) => $"/finance/tenants/{tenant}";
    public static string FinanceInvoice(string tenant, Guid invoice) => $"/finance/tenants/{tenant}/invoices/{invoice}";

    public const string Workspace = "/workspace";
    public const string QueueBoard = "/supervisor";
    public const string Agents = "/supervisor/agents";
    public const string Tenants = "/admin/tenants";
    public const string Onboard = "/admin/tenants/new";
    public const string Notifications = "/notifications";
    public const string NotificationSettings = "/settings/notifications";
    public const string AccessDenied = "/access-denied";
    public const string FinanceDesk = "/finance";
    public const string BillingRuns = "/finance/runs";
}
