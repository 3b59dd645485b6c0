using BackOffice.Portal.Components.Shared;

namespace BackOffice.Portal.Components.Pages.Queues;

/// <summary>
/// A provider page that hears every tenant's signals: it reads again at most once per <see cref="MinInterval"/>, so a burst
/// of changes across the platform costs one read a second per open page, not one per change.
/// </summary>
public abstract class ThrottledPage : PortalPage
{
    private DateTimeOffset _lastRead = DateTimeOffset.MinValue;

    protected virtual TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    protected override async Task OnSignalAsync()
    {
        // The base folds signals that arrive meanwhile into one more read, which waits its turn here again.
        var wait = _lastRead + MinInterval - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        _lastRead = DateTimeOffset.UtcNow;
        await LoadAsync();
    }
}
