using BackOffice.ServiceDefaults.Auth;
using BackOffice.TenantApi.Activity;
using BackOffice.TenantApi.Agents;
using BackOffice.TenantApi.Billing;
using BackOffice.TenantApi.DevAuth;
using BackOffice.TenantApi.Employees;
using BackOffice.TenantApi.Imports;
using BackOffice.TenantApi.Orders;
using BackOffice.TenantApi.Queues;
using BackOffice.TenantApi.Sla;
using BackOffice.TenantApi.Tenants;
using BackOffice.TenantApi.Webhooks;
using BackOffice.TenantApi.WorkItems;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace BackOffice.TenantApi;

public static class TenantApiExtensions
{
    /// <summary>Bearer sign-in and the OpenAPI document; the Portal calls this too when it hosts the API in-process.</summary>
    public static IHostApplicationBuilder AddTenantApi(this IHostApplicationBuilder builder)
    {
        builder.AddApiAuthentication();
        builder.Services.AddOpenApi();
        // Enums on the wire are their kebab-case names ("in-progress", "p1"), the same as EnumText everywhere else.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    public static WebApplication MapTenantApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference();
        app.MapGroup("/api")
            .RequireAuthorization(AuthenticationExtensions.ApiPolicy)
            .MapTenantsApi()
            .MapWorkItemsApi()
            .MapQueuesApi()
            .MapActivityApi()
            .MapSlaApi()
            .MapSlaAlertsApi()
            .MapWebhooksApi()
            .MapAgentsApi()
            .MapSupervisionApi()
            .MapEmployeesApi()
            .MapCustomersApi()
            .MapOrdersApi()
            .MapImportsApi();
        app.MapDevTokenApi();
        return app;
    }
}
