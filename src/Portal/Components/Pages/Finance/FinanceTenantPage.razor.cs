using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing.ManagePricePlan;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>A client's billing on the finance desk: its price plan and dunning policy to read and change, its usage as CSV, its invoices.</summary>
public partial class FinanceTenantPage
{
    private const int InvoicePage = 24;

    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ManagePricePlan Plans { get; set; } = default!;
    [Inject] private ManageDunning Dunning { get; set; } = default!;
    [Inject] private ReadInvoices Invoices { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";

    private Tenant? tenant;
    private PricePlanView? plan;
    private TenantDunning? dunning;
    private List<TenantInvoice> invoices = [];
    private string? cursor;
    private BillingPeriod current;
    private string? loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null || loaded == TenantId) return;
        await LoadAsync();
    }

    protected override async Task LoadAsync()
    {
        loaded = TenantId;
        await ReadAsync(async actor =>
        {
            tenant = await Tenants.GetAsync(actor, TenantId, default);
            current = BillingPeriod.Of(Time.GetUtcNow(), tenant.TimeZone);
            plan = await Plans.GetAsync(actor, TenantId, default);
            dunning = await Dunning.GetAsync(actor, TenantId, default);
            var page = await Invoices.ListAsync(actor, TenantId, InvoicePage, null, default);
            (invoices, cursor) = ([.. page.Items], page.NextCursor);
        });
    }

    private async Task MoreAsync() =>
        await RunAsync(async actor =>
        {
            var page = await Invoices.ListAsync(actor, TenantId, InvoicePage, cursor, default);
            invoices.AddRange(page.Items);
            cursor = page.NextCursor;
        });
}
