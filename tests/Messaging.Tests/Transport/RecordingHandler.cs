using System.Collections.Concurrent;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Messaging.Tests.Transport;

/// <summary>The one handler of a transport under test: counts each submission it handles, and fails a chosen one a few times first.</summary>
public sealed class RecordingHandler : IDomainEventHandler
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public ConcurrentDictionary<Guid, int> Handled { get; } = new();

    /// <summary>Items whose submission fails this many times before it succeeds.</summary>
    public ConcurrentDictionary<Guid, int> FailFirst { get; } = new();

    /// <summary>Items whose submission a handler finds it can never use (it throws <see cref="PoisonMessageException"/>).</summary>
    public ConcurrentDictionary<Guid, bool> Poison { get; } = new();

    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemSubmitted;

    public Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var submitted = (WorkItemSubmitted)domainEvent;
        if (scope.TenantId != submitted.TenantId) throw new InvalidOperationException("Handled outside the event's tenant.");
        var attempt = _attempts.AddOrUpdate(submitted.ItemId, 1, (_, n) => n + 1);
        if (Poison.ContainsKey(submitted.ItemId)) throw new PoisonMessageException($"Submission of {submitted.ItemId} is unusable.");
        if (attempt <= FailFirst.GetValueOrDefault(submitted.ItemId)) throw new TimeoutException($"Attempt {attempt} fails as asked.");
        Handled.AddOrUpdate(submitted.ItemId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public int AttemptsOf(Guid itemId) => _attempts.GetValueOrDefault(itemId);
}
