using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Live;

/// <summary>Tells open pages that a tenant was onboarded or changed status (the admins' tenant list and detail read again).</summary>
public sealed class PublishTenantChanges(IChangeFeed feed, TimeProvider time) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => domainEvent is TenantStatusChanged;

    public Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        feed.Publish(new ChangeSignal(domainEvent.TenantId, ChangeTopics.Tenant, null, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
