using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Shared;

/// <summary>
/// What every page shares: the signed-in actor, running a use case with its refusal shown in place
/// (<see cref="Problem"/>, and per field in <see cref="FieldErrors"/>), and live refresh on change signals.
/// </summary>
public abstract class PortalPage : ComponentBase, IDisposable
{
    [Inject] protected PortalSession Session { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;

    private IDisposable? _subscription;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private int _pending;

    /// <summary>The signed-in person; pages are only reached signed in (the router sends others to sign in).</summary>
    protected Actor Actor { get; private set; } = default!;

    /// <summary>The last refusal, in words, for a <c>ProblemAlert</c>.</summary>
    protected string? Problem { get; set; }

    /// <summary>The last refusal's messages per field (payload fields as "payload.startDate"), for errors beside each field.</summary>
    protected IReadOnlyDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    protected string? ErrorFor(string field) => FieldErrors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    protected override async Task OnInitializedAsync()
    {
        Actor = await Session.ActorAsync() ?? throw new ForbiddenException("Sign in first.");
        await LoadAsync();
    }

    /// <summary>Reads what the page shows; failures show as the page's problem rather than an error page.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Runs a use case as the actor: true when it succeeded; a refusal sets <see cref="Problem"/> and the field errors.</summary>
    protected async Task<bool> RunAsync(Func<Actor, Task> work)
    {
        Problem = null;
        FieldErrors = new Dictionary<string, string[]>();
        try
        {
            await work(Actor);
            return true;
        }
        catch (DomainException ex)
        {
            Problem = ex.ForPerson();
            if (ex is ValidationException v) FieldErrors = v.Errors;
            return false;
        }
    }

    /// <summary>
    /// Reloads when a signal of <paramref name="tenantId"/> (all tenants when null) passes <paramref name="filter"/>.
    /// Signals arriving during a reload fold into one more reload, so a burst costs two reads, not one each.
    /// </summary>
    protected void RefreshOn(string? tenantId, Func<ChangeSignal, bool>? filter = null)
    {
        if (!RendererInfo.IsInteractive) return;
        _subscription?.Dispose();
        _subscription = Feed.Subscribe(tenantId, signal => filter is null || filter(signal) ? RefreshAsync() : Task.CompletedTask);
    }

    private async Task RefreshAsync()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        await _refreshing.WaitAsync();
        try
        {
            Interlocked.Exchange(ref _pending, 0);
            await InvokeAsync(async () =>
            {
                await OnSignalAsync();
                StateHasChanged();
            });
        }
        finally { _refreshing.Release(); }
    }

    /// <summary>What a signal does: by default, reads the page again.</summary>
    protected virtual Task OnSignalAsync() => LoadAsync();

    public void Dispose()
    {
        _subscription?.Dispose();
        _refreshing.Dispose();
        Disposing();
        GC.SuppressFinalize(this);
    }

    protected virtual void Disposing() { }
}
