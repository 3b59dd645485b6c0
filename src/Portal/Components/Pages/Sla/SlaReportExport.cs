using BackOffice.Core.Audit;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Portal.Session;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.Components.Pages.Sla;

/// <summary>
/// The SLA report's CSV under the Portal's own sign-in (the API's takes bearer tokens): the same use case and the same
/// writer as the API's export, and recorded on the tenant's audit trail like it.
/// </summary>
public static class SlaReportExport
{
    public static WebApplication MapSlaReportExport(this WebApplication app)
    {
        app.MapGet("/tenants/{tenantId}/sla/report.csv", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(string tenantId, string? period, HttpContext http, ReportSla reports, RecordAccess record,
        IOptions<PlatformAuthOptions> options, CancellationToken ct)
    {
        var actor = http.User.ToActor(options.Value);
        var report = await reports.MonthAsync(actor, tenantId, period, ct);
        var csv = SlaReportCsv.Write(report);
        var name = $"sla-{report.TenantId}-{report.From:yyyy-MM}.csv";
        await record.ExportAsync(actor, tenantId, name, report.Rows.Count, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", name);
    }
}
