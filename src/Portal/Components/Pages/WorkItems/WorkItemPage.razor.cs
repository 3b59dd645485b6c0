using BackOffice.Core.Common;
using BackOffice.Core.Orders;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Portal.Components.Shared;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>
/// One work item for everyone who may read it. Every action passes the version this page read (If-Match); a change
/// made by someone else meanwhile is refused, said in place, and the page reloads.
/// </summary>
public partial class WorkItemPage : PortalPage
{
    public const string ConflictMessage = "Changed by someone else, reloaded: check it and try again.";

    [Parameter] public string TenantId { get; set; } = "";
    [Parameter] public Guid ItemId { get; set; }

    [Inject] private ReadWorkItems Reader { get; set; } = default!;
    [Inject] private ManageWarehouse Warehouse { get; set; } = default!;

    private WorkItemView? view;
    private string? refusal;
    private IReadOnlyDictionary<string, Stock>? stock;
    private string? actedIn;

    private WorkItem? Item => view?.Item;

    /// <summary>The agent (or supervisor) holding the claim: the one who works the item here.</summary>
    private bool Holds => Item is { Status: WorkItemStatus.InProgress } i && i.AssigneeSubject == Actor.Subject;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        RefreshOn(TenantId, s => s.ItemId == ItemId);
    }

    /// <summary>Reads without touching the last action's problem, so a live update does not wipe an error beside a field.</summary>
    protected override async Task LoadAsync()
    {
        try
        {
            view = await Reader.ViewAsync(Actor, TenantId, ItemId, default);
            stock = view.Item.ServiceLine == Core.Tenancy.ServiceLine.Orders && view.Payload?.Contains("\"sku\"", StringComparison.Ordinal) == true
                ? (await Warehouse.GetAsync(Actor, TenantId, default)).Stock
                : null;
        }
        catch (DomainException ex) when (view is null)
        {
            // Another tenant's item, or none: the page shows the refusal and nothing of the item.
            refusal = ex is NotFoundException ? "This work item was not found, or it is not yours to see." : ex.ForPerson();
        }
    }

    /// <summary>Runs one action under the version read; the problem is shown in <paramref name="section"/>.</summary>
    private async Task<bool> ActAsync(string section, Func<Actor, long, Task> work)
    {
        actedIn = section;
        var version = Item!.Version;
        var conflicted = false;
        var ok = await RunAsync(async actor =>
        {
            try { await work(actor, version); }
            catch (ConcurrencyConflictException) { conflicted = true; throw; }
        });
        if (conflicted) Problem = ConflictMessage;
        await LoadAsync();
        StateHasChanged();
        return ok;
    }

    /// <summary>What the item's sections share: the item as read, who reads it, and how they act on it.</summary>
    private ItemContext Context => new(view!, Actor, Holds, ActAsync, section => actedIn == section && FieldErrors.Count == 0 ? Problem : null, ErrorFor, actedIn);
}
