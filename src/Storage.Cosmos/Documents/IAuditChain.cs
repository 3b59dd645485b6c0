using BackOffice.Core.Audit;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>Puts drained events' audit records on their tenant's hash chain, each event's at most once however often it is drained.</summary>
internal interface IAuditChain
{
    Task AppendOnceAsync(string tenantId, IReadOnlyList<(Guid EventId, AuditRecord Record)> records, CancellationToken ct);
}
