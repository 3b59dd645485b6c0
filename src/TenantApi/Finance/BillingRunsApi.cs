using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Finance;

public sealed record StartRunRequest(string? Period);

/// <summary>The finance desk's billing runs: start one for a month, preview its drafts, approve it once; all provider-only.</summary>
public static class BillingRunsApi
{
    public static RouteGroupBuilder MapBillingRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/billing/runs").WithTags("Billing").ProviderOnly();
        runs.MapGet("/", List).WithSummary("List billing runs, newest first");
        runs.MapPost("/", Start).WithSummary("Start a billing run for a month");
        runs.MapGet("/{runId:guid}", Get).WithSummary("Read a billing run with its invoices counted by status");
        runs.MapGet("/{runId:guid}/invoices", Invoices).WithSummary("Preview a billing run's invoices");
        runs.MapPost("/{runId:guid}/approve", Approve).WithSummary("Approve a billing run's drafts for issuing");
        api.MapGet("/billing/invoices.csv", InvoicesCsv).WithTags("Billing").ProviderOnly().WithSummary("Export the platform's invoices to tenants as CSV");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<BillingRunResponse>>> List(CurrentActor actor, ManageBillingRuns useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<BillingRunResponse>>([.. (await useCase.ListAsync(actor, ct)).Select(r => BillingRunResponse.From(r))]);

    private static async Task<Created<BillingRunResponse>> Start(StartRunRequest request, CurrentActor actor, ManageBillingRuns useCase, HttpContext http,
        CancellationToken ct)
    {
        var view = await useCase.StartAsync(actor, request.Period, ct);
        ETags.Set(http, view.Run.Version);
        return TypedResults.Created($"/api/billing/runs/{view.Run.Id}", BillingRunResponse.From(view));
    }

    private static async Task<Ok<BillingRunResponse>> Get(Guid runId, CurrentActor actor, ManageBillingRuns useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.GetAsync(actor, runId, ct);
        ETags.Set(http, view.Run.Version);
        return TypedResults.Ok(BillingRunResponse.From(view));
    }

    private static async Task<Ok<PageResponse<InvoiceResponse>>> Invoices(Guid runId, int? pageSize, string? cursor, CurrentActor actor, ManageBillingRuns useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<InvoiceResponse>.From(await useCase.InvoicesAsync(actor, runId, pageSize, cursor, ct), InvoiceResponse.From));

    private static async Task<Ok<BillingRunResponse>> Approve(Guid runId, [FromHeader(Name = "If-Match")] string? ifMatch, CurrentActor actor,
        ManageBillingRuns useCase, HttpContext http, CancellationToken ct)
    {
        var view = await useCase.ApproveAsync(actor, runId, ETags.Parse(ifMatch), ct);
        ETags.Set(http, view.Run.Version);
        return TypedResults.Ok(BillingRunResponse.From(view));
    }

    private static async Task<FileContentHttpResult> InvoicesCsv(Guid? runId, string? tenantId, CurrentActor actor, FinanceExports exports, CancellationToken ct) =>
        CsvFile.From(await exports.InvoicesAsync(actor, runId, tenantId, ct));
}
