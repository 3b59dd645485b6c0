using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
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
        vendors.MapGet("/", List);
        vendors.MapGet("/{vendorId:guid}", Get);
        return api;
    }

    private static async Task<Ok<PageResponse<VendorResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, TenantAccess access,
        IVendorAccountStore vendors, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return TypedResults.Ok(PageResponse<VendorResponse>.From(await vendors.ListAsync(scope, size, cursor, ct), v => VendorResponse.From(v)));
    }

    private static async Task<Ok<VendorResponse>> Get(string tenantId, Guid vendorId, CurrentActor actor, TenantAccess access, IVendorAccountStore vendors, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return TypedResults.Ok(VendorResponse.From(await vendors.FindAsync(scope, vendorId, ct) ?? throw new NotFoundException($"Vendor {vendorId}"), full: true));
    }
}
