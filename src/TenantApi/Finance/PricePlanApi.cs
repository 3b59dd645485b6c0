using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Pricing.ManagePricePlan;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Finance;

public sealed record MeterResponse(string Meter, string Name, string Unit, string? ServiceLine, string? WorkType);

/// <summary>The meters work is billed on, and each tenant's price plan: read by finance and the tenant's admins, changed by finance under If-Match.</summary>
public static class PricePlanApi
{
    public static RouteGroupBuilder MapPricePlanApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meters", ListMeters).Catalog().WithTags("Billing").WithSummary("List the meters work is billed on");
        var plan = api.MapGroup("/tenants/{tenantId}/price-plan").WithTags("Billing");
        plan.MapGet("/", Get).WithSummary("Read a tenant's price plan");
        plan.MapPut("/", Change).WithSummary("Change a tenant's price plan from a coming period");
        return api;
    }

    private static Ok<IReadOnlyList<MeterResponse>> ListMeters() => TypedResults.Ok<IReadOnlyList<MeterResponse>>(
        [.. Meters.All.Select(m => new MeterResponse(m.Meter.ToText(), m.Name, m.Unit, m.Line?.ToText(), m.WorkType))]);

    private static async Task<Ok<PricePlanResponse>> Get(string tenantId, CurrentActor actor, ManagePricePlan useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.GetAsync(actor, tenantId, ct);
        ETags.Set(http, view.Version);
        return TypedResults.Ok(PricePlanResponse.From(view));
    }

    private static async Task<Ok<PricePlanResponse>> Change(string tenantId, PricePlanRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ManagePricePlan useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.ChangeAsync(actor, tenantId, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, view.Version);
        return TypedResults.Ok(PricePlanResponse.From(view));
    }
}
