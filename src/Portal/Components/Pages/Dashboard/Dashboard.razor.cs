using BackOffice.Core.Activity;
using BackOffice.Core.Common;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Portal.Components.Pages.Sla;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Dashboard;

/// <summary>A tenant's work at a glance; it reads again whenever something of the tenant changes.</summary>
public partial class Dashboard
{
    private const int ListSize = 5;
    private const int ActivitySize = 8;

    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ReadWorkSummary Summary { get; set; } = default!;
    [Inject] private ReadWorkItems WorkItems { get; set; } = default!;
    [Inject] private ReadActivity Activity { get; set; } = default!;
    [Inject] private ReportSla Sla { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";

    private Tenant? tenant;
    private DashboardData? data;
    private string? loadedFor;

    private sealed record DashboardData(string Period, IReadOnlyList<LineCompliance>? Compliance, string? ComplianceRefusal,
        IReadOnlyDictionary<WorkItemStatus, int> Counts, IReadOnlyList<WorkItem> Questions, IReadOnlyList<WorkItem> ToConfirm,
        IReadOnlyList<SlaWatchItem> Watch, IReadOnlyList<ActivityEntry> Activity);

    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == TenantId || Actor is null) return;
        await LoadAsync();
    }

    protected override async Task LoadAsync()
    {
        loadedFor = TenantId;
        if (!await RunAsync(async actor => tenant = await Tenants.GetAsync(actor, TenantId, default)))
        {
            (tenant, data) = (null, null);
            return;
        }
        data = await ReadAsync(Actor, tenant!);
        RefreshOn(TenantId);
    }

    /// <summary>Each part through its own use case, side by side; only the SLA part may be refused (it is for the tenant's admins).</summary>
    private async Task<DashboardData> ReadAsync(Actor actor, Tenant of)
    {
        var now = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(of.TimeZone));
        var report = ReportAsync(actor, $"{now:yyyy-MM}");
        var counts = Summary.CountByStatusAsync(actor, TenantId, default);
        var watch = Summary.AtRiskAsync(actor, TenantId, default);
        var questions = WorkItems.ListAsync(actor, TenantId, new ListWorkItemsQuery(Status: "waiting-on-client", PageSize: ListSize), default);
        var toConfirm = WorkItems.ListAsync(actor, TenantId, new ListWorkItemsQuery(Status: "resolved", PageSize: ListSize), default);
        var activity = Activity.ListAsync(actor, TenantId, ActivitySize, null, default);
        var (compliance, refusal) = await report;
        return new DashboardData(now.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            compliance is null ? null : LineCompliance.From(compliance, of.ServiceLines), refusal,
            await counts, (await questions).Items, (await toConfirm).Items, await watch, (await activity).Items);
    }

    private async Task<(SlaReport?, string?)> ReportAsync(Actor actor, string period)
    {
        try { return (await Sla.RecentMonthAsync(actor, TenantId, period, default), null); }
        catch (ForbiddenException ex) { return (null, $"{ex.ForPerson()} The SLA figures are for your company's administrators."); }
    }
}
