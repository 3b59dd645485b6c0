using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Events;

/// <summary>Reacts to an event after its change committed. Delivery is at least once: handlers must be idempotent.</summary>
public interface IDomainEventHandler
{
    bool Handles(DomainEvent domainEvent);

    /// <param name="scope">The event's tenant, opened by the dispatcher for this unit of work.</param>
    Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct);
}
