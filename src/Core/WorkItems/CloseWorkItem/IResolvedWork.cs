namespace BackOffice.Core.WorkItems.CloseWorkItem;

/// <summary>A resolved item, found across tenants by when it was last changed.</summary>
public sealed record ResolvedItem(string TenantId, Guid ItemId);

/// <summary>Resolved work across every tenant, read through its own index (never by scanning tenants).</summary>
public interface IResolvedWork
{
    /// <summary>Items still resolved (not closed) and unchanged since <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<ResolvedItem>> FindResolvedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct);
}
