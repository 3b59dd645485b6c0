using BackOffice.Core.Billing;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Billing;

public sealed record VendorResponse(Guid Id, string Name, IReadOnlyDictionary<string, decimal> Paid, IReadOnlyList<Bill>? Bills)
{
    public static VendorResponse From(VendorAccount v, bool full = false) => new(v.Id, v.Name, v.Paid, full ? v.Bills : null);
}

/// <summary>A tenant's vendors and the bills its billing work approved and paid.</summary>
public static class VendorsApi
{
    public static RouteGroupBuilder MapVendorsApi(this RouteGroupBuilder api)
    {
        var vendors = api.MapGroup("/tenants/{tenantId}/vendors").WithTags("Billing");
        vendors.MapGet("/", List).WithSummary("List a tenant's vendors");
        vendors.MapGet("/{vendorId:guid}", Get).WithSummary("Read a vendor's account");
        return api;
    }

    private static async Task<Ok<PageResponse<VendorResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ReadVendors useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<VendorResponse>.From(await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct), v => VendorResponse.From(v)));

    private static async Task<Ok<VendorResponse>> Get(string tenantId, Guid vendorId, CurrentActor actor, ReadVendors useCase, CancellationToken ct) =>
        TypedResults.Ok(VendorResponse.From(await useCase.GetAsync(actor, tenantId, vendorId, ct), full: true));
}
