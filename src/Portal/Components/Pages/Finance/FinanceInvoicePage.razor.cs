using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>
/// One invoice on the finance desk: its lines down to the work they bill; a draft can be left out of its run or adjusted,
/// and an issued invoice of the platform's own issuer takes the payments finance records (Stripe's come from Stripe).
/// </summary>
public partial class FinanceInvoicePage
{
    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ReadInvoices Invoices { get; set; } = default!;
    [Inject] private IInvoiceIssuer Issuer { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";
    [Parameter] public Guid InvoiceId { get; set; }

    private Tenant? tenant;
    private TenantInvoice? invoice;
    private string? loaded;

    private bool TakesPayments => Issuer is LocalInvoiceIssuer && invoice is { ExternalId: not null } i
        && i.Status is InvoiceStatus.Open or InvoiceStatus.PaymentFailed or InvoiceStatus.Uncollectible;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null || loaded == $"{TenantId}/{InvoiceId}") return;
        await LoadAsync();
    }

    protected override async Task LoadAsync()
    {
        loaded = $"{TenantId}/{InvoiceId}";
        await ReadAsync(async actor =>
        {
            tenant = await Tenants.GetAsync(actor, TenantId, default);
            invoice = await Invoices.GetAsync(actor, TenantId, InvoiceId, default);
        });
    }

    /// <summary>An action changed the invoice (or was refused as out of date): read it again as stored.</summary>
    private async Task Changed()
    {
        await LoadAsync();
        StateHasChanged();
    }
}
