using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Exports;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Sla;

public sealed record SlaResponse(long Version, string ETag, DateTimeOffset CreatedAt, string CreatedBy, CalendarData Calendar, IReadOnlyList<PolicyData> Policies)
{
    public static SlaResponse From(SlaSettings s)
    {
        var data = SlaSettingsParser.Format(s);
        return new(s.Version, ETags.Format(s.Version), s.CreatedAt, s.CreatedBy, data.Calendar!, data.Policies!);
    }
}

/// <summary>A tenant's SLA: calendar and policies. A change is a new version that applies to work submitted after it.</summary>
public static class SlaApi
{
    public static RouteGroupBuilder MapSlaApi(this RouteGroupBuilder api)
    {
        var sla = api.MapGroup("/tenants/{tenantId}/sla").WithTags("SLA");
        sla.MapGet("/", Get).WithSummary("Read a tenant's SLA settings");
        sla.MapPut("/", Change).WithSummary("Change a tenant's SLA settings");
        sla.MapGet("/report", Report).WithSummary("Report a month's SLA performance");
        sla.MapGet("/report.csv", ReportCsv).WithSummary("Export a month's SLA report as CSV");
        return api;
    }

    private static async Task<Ok<SlaReport>> Report(string tenantId, string? period, CurrentActor actor, ReportSla useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.MonthAsync(actor, tenantId, period, ct));

    private static async Task<FileContentHttpResult> ReportCsv(string tenantId, string? period, CurrentActor actor, ReportSla useCase, AuditedExports exports,
        CancellationToken ct)
    {
        var report = await useCase.MonthAsync(actor, tenantId, period, ct);
        var file = new CsvExport($"sla-{report.TenantId}-{period}.csv", System.Text.Encoding.UTF8.GetBytes(SlaReportCsv.Write(report)), report.Rows.Count);
        return CsvFile.From(await exports.RecordAsync(actor, tenantId, file, ct));
    }

    private static async Task<Ok<SlaResponse>> Get(string tenantId, CurrentActor actor, ManageSla useCase, HttpContext http, CancellationToken ct)
    {
        var settings = await useCase.GetAsync(actor, tenantId, ct);
        ETags.Set(http, settings.Version);
        return TypedResults.Ok(SlaResponse.From(settings));
    }

    private static async Task<Ok<SlaResponse>> Change(string tenantId, SlaSettingsData request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ManageSla useCase, HttpContext http, CancellationToken ct)
    {
        var settings = await useCase.ChangeAsync(actor, tenantId, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, settings.Version);
        return TypedResults.Ok(SlaResponse.From(settings));
    }
}
