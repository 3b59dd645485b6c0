using BackOffice.Core.Events;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// The usage documents of the resolutions among a work item's pending events, written in the item's own commit (see
/// <see cref="Core.WorkItems.IWorkItemStore"/>): each in the tenant's first open period from the one it happened in, and
/// none for a resolution already recorded.
/// </summary>
internal interface IResolutionUsage
{
    Task<IReadOnlyList<DocumentWrite>> WritesAsync(string tenantId, IReadOnlyList<DomainEvent> pending, CancellationToken ct);
}
