using BackOffice.Core.Live;
using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Webhooks;

public partial class DeliveryLog
{
    private const int PageSize = 20;

    [Inject] private ManageWebhook Webhooks { get; set; } = default!;

    [Parameter, EditorRequired] public string TenantId { get; set; } = "";
    [Parameter, EditorRequired] public string Zone { get; set; } = "UTC";
    [Parameter] public bool CanRedeliver { get; set; }

    private readonly List<WebhookDelivery> deliveries = [];
    private string? status;
    private string? cursor;

    protected override async Task LoadAsync()
    {
        await ReadAsync(more: false);
        RefreshOn(TenantId, s => s.Topic == ChangeTopics.Webhook);
    }

    /// <summary>A delivery queued or attempted shows at once, unless the reader paged on: their place in the log is kept.</summary>
    protected override Task OnSignalAsync() => deliveries.Count <= PageSize ? ReadAsync(more: false) : Task.CompletedTask;

    public async Task ReloadAsync()
    {
        await ReadAsync(more: false);
        StateHasChanged();
    }

    private Task MoreAsync() => ReadAsync(more: true);

    private async Task FilterAsync(string? value)
    {
        status = value;
        await ReadAsync(more: false);
    }

    private async Task ReadAsync(bool more)
    {
        await RunAsync(async actor =>
        {
            var page = await Webhooks.ListDeliveriesAsync(actor, TenantId, status, PageSize, more ? cursor : null, default);
            if (!more) deliveries.Clear();
            deliveries.AddRange(page.Items);
            cursor = page.NextCursor;
        });
    }

    private async Task RedeliverAsync(WebhookDelivery delivery)
    {
        if (await RunAsync(actor => Webhooks.RedeliverAsync(actor, TenantId, delivery.Id, default))) await ReadAsync(more: false);
    }

    private static string Answer(WebhookDelivery d) =>
        d.LastStatusCode is { } code ? $"HTTP {code}" : d.LastError ?? (d.Attempts == 0 ? "Not sent yet" : "No answer");
}
