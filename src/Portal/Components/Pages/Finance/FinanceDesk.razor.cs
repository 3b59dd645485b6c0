using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering.ReadUsage;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>A client on the desk: the company, and its usage this month when it has any.</summary>
public sealed record TenantUsageRow(Tenant Tenant, UsageSummary? Usage);

/// <summary>The finance desk's start: every client's month so far, the dunning queue, and every invoice as a CSV.</summary>
public partial class FinanceDesk
{
    private const int MaxTenantPages = 20;

    [Inject] private ReadUsage Usage { get; set; } = default!;
    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ManageDunning Dunning { get; set; } = default!;
    [Inject] private FinanceExports Exports { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private List<TenantUsageRow>? rows;
    private IReadOnlyList<OverdueInvoice> queue = [];
    private bool busy;

    protected override async Task LoadAsync() =>
        await ReadAsync(async actor =>
        {
            var usage = (await Usage.AllTenantsAsync(actor, null, default)).ToDictionary(u => u.TenantId, StringComparer.Ordinal);
            queue = await Dunning.QueueAsync(actor, default);
            var tenants = new List<Tenant>();
            string? cursor = null;
            for (var page = 0; page < MaxTenantPages && (page == 0 || cursor is not null); page++)
            {
                var read = await Tenants.ListAsync(actor, 100, cursor, default);
                tenants.AddRange(read.Items);
                cursor = read.NextCursor;
            }
            rows = [.. tenants.Where(t => usage.ContainsKey(t.Id) || t.Status is TenantStatus.Active or TenantStatus.Suspended)
                .OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase).Select(t => new TenantUsageRow(t, usage.GetValueOrDefault(t.Id)))];
        });

    private async Task DownloadAsync()
    {
        busy = true;
        await RunAsync(async actor => await Js.SaveAsync(await Exports.InvoicesAsync(actor, null, null, default)));
        busy = false;
    }
}
