using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Exports;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.Exports;

/// <summary>
/// The records' CSV downloads under the Portal's sign-in (its cookie), so a person exports from the page they read. Each calls the
/// same core export as the API, which checks the tenant and role, masks, writes the CSV and records the export on the audit trail.
/// Signed out, the cookie's challenge sends the browser to sign in; no file is written.
/// </summary>
public static class RecordExportEndpoints
{
    public const string Policy = "portal-exports";

    public static IServiceCollection AddRecordExports(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        return services;
    }

    public static WebApplication MapRecordExports(this WebApplication app)
    {
        var exports = app.MapGroup("/tenants/{tenantId}/exports").RequireAuthorization(Policy).ExcludeFromDescription();
        exports.MapGet("/employees.csv", async (string tenantId, string? search, string? status, HttpContext http, EmployeeExport export) =>
            File(await export.CsvAsync(ActorOf(http), tenantId, new EmployeeQuery(search, status), http.RequestAborted)));
        exports.MapGet("/customers.csv", async (string tenantId, string? search, HttpContext http, BillingExport export) =>
            File(await export.CustomersAsync(ActorOf(http), tenantId, search, http.RequestAborted)));
        exports.MapGet("/invoices.csv", async (string tenantId, string? status, Guid? customerId, HttpContext http, BillingExport export) =>
            File(await export.InvoicesAsync(ActorOf(http), tenantId, new LedgerQuery(status, customerId), http.RequestAborted)));
        exports.MapGet("/payments.csv", async (string tenantId, Guid? customerId, HttpContext http, BillingExport export) =>
            File(await export.PaymentsAsync(ActorOf(http), tenantId, new LedgerQuery(null, customerId), http.RequestAborted)));
        exports.MapGet("/vendor-bills.csv", async (string tenantId, string? search, HttpContext http, BillingExport export) =>
            File(await export.VendorBillsAsync(ActorOf(http), tenantId, search, http.RequestAborted)));
        exports.MapGet("/orders.csv", async (string tenantId, string? status, string? search, HttpContext http, WarehouseExport export) =>
            File(await export.OrdersAsync(ActorOf(http), tenantId, status, search, http.RequestAborted)));
        exports.MapGet("/inventory.csv", async (string tenantId, string? search, HttpContext http, WarehouseExport export) =>
            File(await export.InventoryAsync(ActorOf(http), tenantId, search, http.RequestAborted)));
        return app;
    }

    private static Actor ActorOf(HttpContext http) => http.User.ToActor(http.RequestServices.GetRequiredService<IOptions<PlatformAuthOptions>>().Value);

    private static IResult File(CsvExport export) => Results.File(export.Content, CsvExport.ContentType, export.FileName);
}
