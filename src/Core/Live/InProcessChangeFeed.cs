using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace BackOffice.Core.Live;

/// <summary>
/// Subscribers are kept per tenant, so a signal reaches only the pages of its tenant and the provider
/// boards, not every open circuit. Handlers run off the publisher's path; one that throws is not heard from again.
/// </summary>
public sealed class InProcessChangeFeed : IChangeFeed
{
    private const string AllTenants = "*";
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _byTenant = new(StringComparer.Ordinal);

    public int SubscriberCount => _byTenant.Values.Sum(s => s.Length);

    public void Publish(ChangeSignal signal)
    {
        Notify(signal.TenantId, signal);
        Notify(AllTenants, signal);
    }

    public IDisposable Subscribe(string? tenantId, Func<ChangeSignal, Task> onSignal)
    {
        var subscription = new Subscription(this, tenantId ?? AllTenants, onSignal);
        _byTenant.AddOrUpdate(subscription.Key, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    private void Notify(string key, ChangeSignal signal)
    {
        if (!_byTenant.TryGetValue(key, out var subscriptions)) return;
        foreach (var subscription in subscriptions) _ = subscription.DeliverAsync(signal);
    }

    private void Remove(Subscription subscription)
    {
        while (_byTenant.TryGetValue(subscription.Key, out var list))
        {
            var left = list.Remove(subscription);
            var done = left.IsEmpty
                ? _byTenant.TryRemove(new KeyValuePair<string, ImmutableArray<Subscription>>(subscription.Key, list))
                : _byTenant.TryUpdate(subscription.Key, left, list);
            if (done) return;
        }
    }

    private sealed class Subscription(InProcessChangeFeed feed, string key, Func<ChangeSignal, Task> onSignal) : IDisposable
    {
        public string Key => key;

        public async Task DeliverAsync(ChangeSignal signal)
        {
            try { await onSignal(signal); }
            catch { Dispose(); }
        }

        public void Dispose() => feed.Remove(this);
    }
}
