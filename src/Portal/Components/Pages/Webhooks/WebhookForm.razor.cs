using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Webhooks;

public partial class WebhookForm
{
    [Inject] private ManageWebhook Webhooks { get; set; } = default!;

    [Parameter, EditorRequired] public string TenantId { get; set; } = "";
    [Parameter, EditorRequired] public string Zone { get; set; } = "UTC";
    [Parameter] public WebhookSubscription? Subscription { get; set; }
    [Parameter] public EventCallback<(WebhookSubscription, string?)> Saved { get; set; }
    [Parameter] public EventCallback<(WebhookSubscription, string?)> Rotated { get; set; }
    [Parameter] public EventCallback Removed { get; set; }

    private string? url;
    private HashSet<string> events = [.. WebhookEvents.All];
    private WebhookSubscription? shown;
    private bool busy;
    private bool confirmDelete;

    /// <summary>The fields follow the subscription when it changes (saved, or read again), not while being edited.</summary>
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(shown, Subscription) && url is not null) return;
        shown = Subscription;
        url = Subscription?.Url.ToString() ?? url ?? "";
        events = Subscription is null ? events : [.. Subscription.Events];
    }

    private void Toggle(string name, bool on)
    {
        if (on) events.Add(name);
        else events.Remove(name);
    }

    private async Task SaveAsync()
    {
        busy = true;
        (WebhookSubscription Subscription, bool Created, string? Secret) result = default;
        var request = new WebhookRequest(url, [.. WebhookEvents.All.Where(events.Contains)]);
        if (await RunAsync(async actor => result = await Webhooks.PutAsync(actor, TenantId, request, Subscription?.Version, Subscription is null, default)))
            await Saved.InvokeAsync((result.Subscription!, result.Secret));
        busy = false;
    }

    private async Task RotateAsync()
    {
        busy = true;
        (WebhookSubscription Subscription, string? Secret) result = default;
        if (await RunAsync(async actor => result = await Webhooks.RotateSecretAsync(actor, TenantId, default)))
            await Rotated.InvokeAsync((result.Subscription!, result.Secret));
        busy = false;
    }

    private async Task RemoveAsync()
    {
        busy = true;
        if (await RunAsync(actor => Webhooks.RemoveAsync(actor, TenantId, default)))
        {
            confirmDelete = false;
            await Removed.InvokeAsync();
        }
        busy = false;
    }
}
