using System.Collections.Concurrent;
using System.Diagnostics;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;

namespace BackOffice.Benchmarks.Messaging;

/// <summary>
/// The only handler of a transport under measure: it notes when each event reached it (a Stopwatch timestamp keyed by event id)
/// and does nothing else, so what is measured is the transport's cost, not a handler's.
/// </summary>
internal sealed class LatencyRecorder : IDomainEventHandler
{
    private readonly ConcurrentDictionary<Guid, long> _handledAt = new();
    private int _handled, _expected, _redelivered;
    private TaskCompletionSource _reached = new();

    /// <summary>Events handled again after their first delivery (a lock that ran out): zero when the transport kept up.</summary>
    public int Redelivered => Volatile.Read(ref _redelivered);

    public void Reset()
    {
        _handledAt.Clear();
        (_handled, _redelivered) = (0, 0);
    }

    /// <summary>Completes once <paramref name="total"/> distinct events have been handled since the last <see cref="Reset"/>; ask before publishing.</summary>
    public Task WhenHandled(int total)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _expected, total);
        if (Volatile.Read(ref _handled) >= total) _reached.TrySetResult();
        return _reached.Task;
    }

    public long HandledAt(Guid eventId) => _handledAt[eventId];

    public bool Handles(DomainEvent domainEvent) => true;

    public Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        if (!_handledAt.TryAdd(domainEvent.EventId, Stopwatch.GetTimestamp())) Interlocked.Increment(ref _redelivered);
        else if (Interlocked.Increment(ref _handled) >= Volatile.Read(ref _expected)) _reached.TrySetResult();
        return Task.CompletedTask;
    }
}
