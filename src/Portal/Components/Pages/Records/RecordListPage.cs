using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Records;

/// <summary>
/// A list of a tenant's records: the tenant (for its zone and name), one keyset page at a time through the core's cursors,
/// with the cursors of the pages before kept so the reader can step back, and a reload when the tenant's work changes.
/// </summary>
public abstract class RecordListPage<T> : PortalPage
{
    [Inject] private ReadTenants Tenants { get; set; } = default!;

    [Parameter] public string TenantId { get; set; } = "";

    protected Tenant? Tenant { get; private set; }
    protected IReadOnlyList<T>? Items { get; private set; }
    protected string? NextCursor { get; private set; }
    protected int PageNumber => _before.Count + 1;
    protected int PageSize { get; set; } = Paging.DefaultPageSize;
    protected bool Loading { get; private set; }

    private readonly Stack<string?> _before = new();
    private string? _cursor;

    /// <summary>One page of the list as the core gives it to the actor, from <paramref name="cursor"/>.</summary>
    protected abstract Task<Page<T>> ReadAsync(Actor actor, string? cursor);

    protected override async Task LoadAsync()
    {
        Loading = true;
        var ok = await RunAsync(async actor =>
        {
            Tenant ??= await Tenants.GetAsync(actor, TenantId, default);
            var page = await ReadAsync(actor, _cursor);
            (Items, NextCursor) = (page.Items, page.NextCursor);
        });
        if (!ok) (Items, NextCursor) = (null, null);
        Loading = false;
        if (ok) RefreshOn(TenantId, s => s.Topic is ChangeTopics.WorkItem or ChangeTopics.Import);
    }

    protected Task NextPageAsync()
    {
        _before.Push(_cursor);
        _cursor = NextCursor;
        return LoadAsync();
    }

    protected Task PreviousPageAsync()
    {
        _cursor = _before.Count > 0 ? _before.Pop() : null;
        return LoadAsync();
    }

    /// <summary>New filters start again from the first page.</summary>
    protected Task ApplyFiltersAsync()
    {
        _before.Clear();
        _cursor = null;
        return LoadAsync();
    }

    protected string Zone => Tenant?.TimeZone ?? "UTC";

    protected string TenantName => Tenant?.DisplayName ?? "";

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
