using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ChangeTenantStatus;
using BackOffice.Core.Tenancy.DedicatedQueues;
using BackOffice.Core.Tenancy.OnboardTenant;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Tenants;

public static class TenantsApi
{
    private static readonly (string Action, TenantStatus To)[] StatusActions =
        [("activate", TenantStatus.Active), ("suspend", TenantStatus.Suspended), ("reactivate", TenantStatus.Active), ("offboard", TenantStatus.Offboarded)];

    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder api)
    {
        var tenants = api.MapGroup("/tenants").WithTags("Tenants");
        tenants.MapPost("/", Onboard).ProviderOnly().WithSummary("Onboard a tenant");
        tenants.MapGet("/", List).ProviderOnly().WithSummary("List tenants");
        tenants.MapGet("/{tenantId}", Get).WithSummary("Read a tenant");
        tenants.MapGet("/{tenantId}/status-history", History).ProviderOnly().WithSummary("Read a tenant's status history");
        tenants.MapPost("/sla-preview", Preview).ProviderOnly().WithSummary("Preview the due times of a sample submission under an SLA for a new tenant");
        tenants.MapPut("/{tenantId}/dedicated-queues", SetDedicated).WithSummary("Set a tenant's dedicated queues");
        foreach (var (action, to) in StatusActions)
            tenants.MapPost($"/{{tenantId}}/{action}", ([FromRoute] string tenantId, TenantStatusRequest? request, CurrentActor actor, ChangeTenantStatus useCase, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, CancellationToken ct) =>
                Change(tenantId, to, request ?? new TenantStatusRequest(null), actor, useCase, ifMatch, http, ct)).ProviderOnly().WithName($"{action}-tenant")
                .WithSummary($"{char.ToUpperInvariant(action[0])}{action[1..]} a tenant");
        return api;
    }

    private static async Task<Created<TenantResponse>> Onboard(OnboardTenantRequest request, CurrentActor actor, OnboardTenant useCase, HttpContext http, CancellationToken ct)
    {
        var tenant = await useCase.HandleAsync(actor, request, ct);
        ETags.Set(http, tenant.Version);
        return TypedResults.Created($"/api/tenants/{tenant.Id}", TenantResponse.From(tenant));
    }

    private static async Task<Ok<PageResponse<TenantResponse>>> List(int? pageSize, string? cursor, CurrentActor actor, ReadTenants useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<TenantResponse>.From(await useCase.ListAsync(actor, pageSize, cursor, ct), TenantResponse.From));

    private static async Task<Ok<TenantResponse>> SetDedicated(string tenantId, DedicatedQueuesRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, SetDedicatedQueues useCase, HttpContext http, CancellationToken ct)
    {
        var tenant = await useCase.HandleAsync(actor, tenantId, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(TenantResponse.From(tenant));
    }

    private static async Task<Ok<TenantResponse>> Get(string tenantId, CurrentActor actor, ReadTenants useCase, HttpContext http, CancellationToken ct)
    {
        var tenant = await useCase.GetAsync(actor, tenantId, ct);
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(TenantResponse.From(tenant));
    }

    private static async Task<Ok<IReadOnlyList<TenantStatusChangeResponse>>> History(string tenantId, CurrentActor actor, ReadTenants useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TenantStatusChangeResponse>>((await useCase.StatusHistoryAsync(actor, tenantId, ct)).Select(TenantStatusChangeResponse.From).ToList());

    private static Ok<SlaPreview> Preview(SlaPreviewRequest request, CurrentActor actor, PreviewOnboardingSla useCase) =>
        TypedResults.Ok(useCase.Preview(actor, request));

    private static async Task<Ok<TenantResponse>> Change(string tenantId, TenantStatus to, TenantStatusRequest request, Core.Common.Actor actor, ChangeTenantStatus useCase, string? ifMatch, HttpContext http, CancellationToken ct)
    {
        var tenant = await useCase.HandleAsync(actor, tenantId, to, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(TenantResponse.From(tenant));
    }
}
