using BackOffice.Core.Common;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering.ReadUsage;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Portal.Display;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Billing;

/// <summary>
/// A tenant's billing as its people see it: usage and charges so far, a year of usage, and (for those the core lets read
/// them: the tenant's admins and the finance desk) the SLA credits earned and the invoices. A client user sees no invoice.
/// </summary>
public partial class BillingPage
{
    private const int InvoicePage = 24;

    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ReadUsage Usage { get; set; } = default!;
    [Inject] private ReadInvoices Invoices { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";

    private Tenant? tenant;
    private UsageSummary? summary;
    private IReadOnlyList<UsageMonth> history = [];
    private List<TenantInvoice>? invoices;
    private string? cursor;
    private string? loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null || loaded == TenantId) return;
        await LoadAsync();
    }

    protected override async Task LoadAsync()
    {
        loaded = TenantId;
        (summary, invoices, cursor) = (null, null, null);
        if (!await ReadAsync(async actor =>
        {
            tenant = await Tenants.GetAsync(actor, TenantId, default);
            summary = await Usage.MonthAsync(actor, TenantId, null, default);
            history = await Usage.HistoryAsync(actor, TenantId, 12, default);
        })) return;
        invoices = await InvoicesAsync(null);
    }

    /// <summary>The tenant's invoices, or null when the core does not let this person read them (a client user).</summary>
    private async Task<List<TenantInvoice>?> InvoicesAsync(string? from)
    {
        try
        {
            var page = await Invoices.ListAsync(Actor, TenantId, InvoicePage, from, default);
            cursor = page.NextCursor;
            return [.. page.Items];
        }
        catch (ForbiddenException) { return null; }
    }

    private async Task MoreAsync()
    {
        if (await InvoicesAsync(cursor) is { } more) invoices?.AddRange(more);
    }

    private string Link(TenantInvoice invoice) => PortalRoutes.BillingInvoice(TenantId, invoice.Id);
}
