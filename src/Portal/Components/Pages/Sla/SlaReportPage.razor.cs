using System.Globalization;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Portal.Display;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Sla;

/// <summary>A month's SLA report: compliance per line, the rows per priority, that month's breaches, and the CSV of the same report.</summary>
public partial class SlaReportPage
{
    private const int MonthsBack = 12;
    private const int BreachPages = 5;

    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ReportSla Sla { get; set; } = default!;
    [Inject] private ReadSlaAlerts Alerts { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";
    [SupplyParameterFromQuery(Name = "period")] public string? Period { get; set; }

    private Tenant? tenant;
    private SlaReport? report;
    private List<SlaAlert> breaches = [];
    private bool moreBreaches;
    private string? loaded;

    private string Month => Period ?? Months[0];

    private IReadOnlyList<string> Months
    {
        get
        {
            var now = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(tenant?.TimeZone ?? "UTC"));
            var first = new DateOnly(now.Year, now.Month, 1);
            var months = Enumerable.Range(0, MonthsBack + 1).Select(i => first.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
            if (Period is not null && !months.Contains(Period)) months.Add(Period);
            return months;
        }
    }

    private string CsvUrl => $"{PortalRoutes.Sla(TenantId)}/report.csv?period={Uri.EscapeDataString(Month)}";

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null || loaded == $"{TenantId}|{Period}") return;
        await LoadAsync();
    }

    protected override async Task LoadAsync()
    {
        loaded = $"{TenantId}|{Period}";
        if (!await RunAsync(async actor => tenant = await Tenants.GetAsync(actor, TenantId, default))) { tenant = null; return; }
        report = null;
        await RunAsync(async actor =>
        {
            report = await Sla.MonthAsync(actor, TenantId, Month, default);
            (breaches, moreBreaches) = await BreachesAsync(actor, report);
        });
    }

    /// <summary>The tenant's breaches are kept newest first: read back to the month's start, keeping those due within it.</summary>
    private async Task<(List<SlaAlert>, bool)> BreachesAsync(Core.Common.Actor actor, SlaReport of)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant!.TimeZone);
        var (from, to) = (Start(of.From, zone), Start(of.To.AddDays(1), zone));
        var found = new List<SlaAlert>();
        string? cursor = null;
        for (var pages = 0; pages < BreachPages; pages++)
        {
            var page = await Alerts.ListBreachesAsync(actor, TenantId, 100, cursor, default);
            found.AddRange(page.Items.Where(a => a.DueAt >= from && a.DueAt < to));
            cursor = page.NextCursor;
            if (cursor is null || page.Items.Count > 0 && page.Items[^1].FiredAt < from) return (found, false);
        }
        return (found, true);
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);

    private void PickAsync(string month) => Navigation.NavigateTo($"{PortalRoutes.Sla(TenantId)}?period={Uri.EscapeDataString(month)}");

    private static string Words(string month) =>
        DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : month;
}
