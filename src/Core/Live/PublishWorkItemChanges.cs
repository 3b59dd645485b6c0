using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Live;

/// <summary>Turns every committed work-item event (agents, clients, supervisors and the SLA monitor alike) into a signal for open pages.</summary>
public sealed class PublishWorkItemChanges(IChangeFeed feed, TimeProvider time) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemEvent;

    public Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var e = (WorkItemEvent)domainEvent;
        feed.Publish(new ChangeSignal(e.TenantId, ChangeTopics.WorkItem, e.ItemId, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
