using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Auth;
using BackOffice.ServiceDefaults.RateLimiting;
using BackOffice.TenantApi.Activity;
using BackOffice.TenantApi.Agents;
using BackOffice.TenantApi.Audit;
using BackOffice.TenantApi.Billing;
using BackOffice.TenantApi.DevAuth;
using BackOffice.TenantApi.Employees;
using BackOffice.TenantApi.Finance;
using BackOffice.TenantApi.OpenApi;
using BackOffice.TenantApi.Imports;
using BackOffice.TenantApi.Notifications;
using BackOffice.TenantApi.Orders;
using BackOffice.TenantApi.Queues;
using BackOffice.TenantApi.Sla;
using BackOffice.TenantApi.Tenants;
using BackOffice.TenantApi.Webhooks;
using BackOffice.TenantApi.WorkItems;
using BackOffice.TenantApi.WorkCatalog;
using BackOffice.TenantApi.Attachments;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace BackOffice.TenantApi;

public static class TenantApiExtensions
{
    /// <summary>Bearer sign-in, rate limits and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddTenantApi(this IHostApplicationBuilder builder)
    {
        builder.AddApiAuthentication();
        builder.AddTenantRateLimits();
        builder.Services.AddTenantApiOpenApi();
        // Enums on the wire are their kebab-case names ("in-progress", "p1"), the same as EnumText everywhere else.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    public static WebApplication MapTenantApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference(o => o.AddPreferredSecuritySchemes([ApiDocumentTransformer.BearerScheme]));
        app.MapGroup("/api")
            .RequireAuthorization(AuthenticationExtensions.ApiPolicy)
            .MapTenantsApi()
            .MapWorkItemsApi()
            .MapWorkCatalogApi()
            .MapPricePlanApi()
            .MapBillingRunsApi()
            .MapInvoicesApi()
            .MapUsageApi()
            .MapQueuesApi()
            .MapActivityApi()
            .MapSlaApi()
            .MapSlaAlertsApi()
            .MapWebhooksApi()
            .MapAgentsApi()
            .MapSupervisionApi()
            .MapMyWorkApi()
            .MapNotificationsApi()
            .MapEmployeesApi()
            .MapCustomersApi()
            .MapLedgerApi()
            .MapVendorsApi()
            .MapOrdersApi()
            .MapImportsApi()
            .MapAttachmentsApi()
            .MapAuditApi();
        app.MapStripeWebhook();
        app.MapDevTokenApi();
        return app;
    }
}
