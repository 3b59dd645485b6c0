using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Metering.ReadUsage;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Finance;

/// <summary>
/// Usage to date (the tenant's users and admins and the finance desk), its entries and CSV, finance's corrections, every
/// tenant's usage for the desk, and each tenant's dunning policy with the desk's dunning queue.
/// </summary>
public static class UsageApi
{
    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        var usage = api.MapGroup("/tenants/{tenantId}/billing/usage").WithTags("Billing");
        usage.MapGet("/", Month).WithSummary("Read a tenant's usage and charges of a month (this month by default)");
        usage.MapGet("/history", History).WithSummary("Read a tenant's usage per meter over recent months");
        usage.MapGet("/entries", Entries).WithSummary("List a tenant's usage entries of a month");
        usage.MapPost("/adjustments", Adjust).WithSummary("Correct a tenant's usage with an adjustment entry");
        api.MapGet("/tenants/{tenantId}/billing/usage.csv", Csv).WithTags("Billing").WithSummary("Export a tenant's usage entries of a month as CSV");
        api.MapGet("/billing/usage", AllTenants).WithTags("Billing").ProviderOnly().WithSummary("Read every tenant's usage of a month");
        api.MapGet("/billing/dunning", Queue).WithTags("Billing").ProviderOnly().WithSummary("List overdue invoices with their dunning state");
        var dunning = api.MapGroup("/tenants/{tenantId}/billing/dunning").WithTags("Billing");
        dunning.MapGet("/", GetDunning).WithSummary("Read a tenant's dunning policy");
        dunning.MapPut("/", ChangeDunning).WithSummary("Change or pause a tenant's dunning policy");
        return api;
    }

    private static async Task<Ok<UsageSummaryResponse>> Month(string tenantId, string? period, CurrentActor actor, ReadUsage useCase, CancellationToken ct) =>
        TypedResults.Ok(UsageSummaryResponse.From(await useCase.MonthAsync(actor, tenantId, period, ct)));

    private static async Task<Ok<IReadOnlyList<UsageMonthResponse>>> History(string tenantId, int? months, CurrentActor actor, ReadUsage useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<UsageMonthResponse>>([.. (await useCase.HistoryAsync(actor, tenantId, months, ct))
            .Select(m => new UsageMonthResponse(m.Period.ToString(), [.. m.Meters.Select(UsageSummaryResponse.Meter)]))]);

    private static async Task<Ok<PageResponse<UsageEntryResponse>>> Entries(string tenantId, string? period, string? meter, int? pageSize, string? cursor,
        CurrentActor actor, ReadUsage useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<UsageEntryResponse>.From(await useCase.EntriesAsync(actor, tenantId, period, meter, pageSize, cursor, ct), UsageEntryResponse.From));

    private static async Task<Created<UsageEntryResponse>> Adjust(string tenantId, UsageAdjustmentRequest request, CurrentActor actor, AdjustUsage useCase,
        CancellationToken ct)
    {
        var entry = await useCase.HandleAsync(actor, tenantId, request, ct);
        return TypedResults.Created($"/api/tenants/{tenantId}/billing/usage/entries?period={entry.Period}", UsageEntryResponse.From(entry));
    }

    private static async Task<FileContentHttpResult> Csv(string tenantId, string? period, CurrentActor actor, FinanceExports exports, CancellationToken ct) =>
        CsvFile.From(await exports.UsageAsync(actor, tenantId, period, ct));

    private static async Task<Ok<IReadOnlyList<UsageSummaryResponse>>> AllTenants(string? period, CurrentActor actor, ReadUsage useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<UsageSummaryResponse>>([.. (await useCase.AllTenantsAsync(actor, period, ct)).Select(UsageSummaryResponse.From)]);

    private static async Task<Ok<IReadOnlyList<OverdueInvoiceResponse>>> Queue(CurrentActor actor, ManageDunning useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<OverdueInvoiceResponse>>([.. (await useCase.QueueAsync(actor, ct)).Select(OverdueInvoiceResponse.From)]);

    private static async Task<Ok<DunningResponse>> GetDunning(string tenantId, CurrentActor actor, ManageDunning useCase, HttpContext http, CancellationToken ct)
    {
        var dunning = await useCase.GetAsync(actor, tenantId, ct);
        ETags.Set(http, dunning.Version);
        return TypedResults.Ok(DunningResponse.From(dunning));
    }

    private static async Task<Ok<DunningResponse>> ChangeDunning(string tenantId, DunningRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ManageDunning useCase, HttpContext http, CancellationToken ct)
    {
        var dunning = await useCase.ChangeAsync(actor, tenantId, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, dunning.Version);
        return TypedResults.Ok(DunningResponse.From(dunning));
    }
}
