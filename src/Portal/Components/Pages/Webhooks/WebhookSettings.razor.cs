using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Webhooks;

/// <summary>
/// A tenant's webhook and its delivery log. The tenant's admins manage it (a platform admin may too, never seeing the
/// secret); supervisors may read the log; anyone else is refused by the core, and the page says so in place.
/// </summary>
public partial class WebhookSettings
{
    [Inject] private ReadTenants Tenants { get; set; } = default!;
    [Inject] private ManageWebhook Webhooks { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";

    private Tenant? tenant;
    private WebhookSubscription? subscription;
    private bool canManage;
    private string? denied;
    private string? secret;
    private DeliveryLog? log;

    protected override async Task LoadAsync()
    {
        try
        {
            tenant = await Tenants.GetAsync(Actor, TenantId, default);
            (subscription, canManage) = (await Webhooks.GetAsync(Actor, TenantId, default), true);
        }
        catch (NotFoundException) when (tenant is not null) { (subscription, canManage) = (null, true); }
        catch (ForbiddenException ex) when (tenant is not null)
        {
            // Not a manager: a watcher may still read the log; the log itself asks the core and shows its refusal.
            canManage = false;
            if (!await MayWatchAsync()) denied = ex.ForPerson();
        }
        catch (DomainException ex) { denied = ex.ForPerson(); }
    }

    private async Task<bool> MayWatchAsync()
    {
        try { await Webhooks.ListDeliveriesAsync(Actor, TenantId, null, 1, null, default); return true; }
        catch (ForbiddenException) { return false; }
    }

    private async Task SavedAsync((WebhookSubscription Subscription, string? Secret) saved)
    {
        (subscription, secret) = (saved.Subscription, saved.Secret ?? secret);
        if (log is not null) await log.ReloadAsync();
    }

    private void RotatedAsync((WebhookSubscription Subscription, string? Secret) rotated) => (subscription, secret) = rotated;

    private void RemovedAsync() => (subscription, secret) = (null, null);
}
