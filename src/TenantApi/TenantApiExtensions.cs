using BackOffice.ServiceDefaults.Auth;
using BackOffice.TenantApi.Activity;
using BackOffice.TenantApi.DevAuth;
using BackOffice.TenantApi.Queues;
using BackOffice.TenantApi.Sla;
using BackOffice.TenantApi.Tenants;
using BackOffice.TenantApi.WorkItems;
using Scalar.AspNetCore;

namespace BackOffice.TenantApi;

public static class TenantApiExtensions
{
    /// <summary>Bearer sign-in and the OpenAPI document; the Portal calls this too when it hosts the API in-process.</summary>
    public static IHostApplicationBuilder AddTenantApi(this IHostApplicationBuilder builder)
    {
        builder.AddApiAuthentication();
        builder.Services.AddOpenApi();
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
            .MapSlaApi();
        app.MapDevTokenApi();
        return app;
    }
}
