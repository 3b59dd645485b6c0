namespace BackOffice.Core.Events;

/// <summary>An aggregate collects the events of its changes; the store writes them to the outbox with the change.</summary>
public abstract class AggregateRoot
{
    private readonly List<DomainEvent> _pendingEvents = [];

    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    protected void Raise(DomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    public void ClearPendingEvents() => _pendingEvents.Clear();
}
