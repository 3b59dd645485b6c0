using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// A tenant's SLA versions, one document each in its partition, keyed by the version number (so no two writers append the
/// same one). A version is appended in one commit with the tenant document's move to it (<see cref="TenantPointer"/>), and its
/// events ride in its document to the outbox. A version never changes once written, so parsed versions are kept by (tenant, version).
/// </summary>
internal sealed class CosmosSlaSettingsStore(CosmosDatabase db, TenantWriter writer) : ISlaSettingsStore
{
    private readonly ConcurrentDictionary<(string Tenant, long Version), SlaSettings> _versions = new();

    public async Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct)
    {
        if (_versions.TryGetValue((scope.TenantId, version), out var cached)) return cached;
        var (document, _) = await db.ReadAsync<VersionDocument>(db.Data, VersionDocument.IdOf(version), new PartitionKey(scope.TenantId), "sla.read", ct);
        return document is null ? null : _versions.GetOrAdd((scope.TenantId, version), _ => document.ToSettings());
    }

    public async Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct)
    {
        scope.EnsureOwns(settings.TenantId, "SLA version");
        var document = new VersionDocument
        {
            Id = VersionDocument.IdOf(settings.Version), TenantId = settings.TenantId, Version = settings.Version, CreatedAt = settings.CreatedAt,
            CreatedBy = settings.CreatedBy, Data = SlaSettingsParser.Format(settings),
        };
        document.TakeEvents(PendingEvent.Of(settings), null);
        var (tenant, _) = await db.ReadAsync<TenantPointer>(db.Data, TenantPointer.DocumentId, new PartitionKey(settings.TenantId), "sla.tenant", ct);
        if (tenant is null || tenant.SlaVersion != settings.Version - 1) throw new ConcurrencyConflictException($"The SLA of tenant '{settings.TenantId}'");
        await writer.CommitAsync(settings.TenantId, [new DocumentWrite(document, null), new DocumentWrite(tenant.Advanced(), tenant)], "sla.add", ct);
        settings.ClearPendingEvents();
    }

    /// <summary>
    /// The tenant's document (the tenancy store's, id <c>tenant</c> in the tenant's partition) as far as this store is concerned:
    /// its current SLA version, which only this store moves and the tenant store carries over on every update. Every other
    /// property is kept as read, so the replace changes nothing else.
    /// </summary>
    private sealed class TenantPointer : TenantDocument
    {
        public const string DocumentId = "tenant";

        public override string Kind { get; set; } = "tenant";

        public long SlaVersion { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Rest { get; set; }

        public TenantPointer Advanced()
        {
            var next = new TenantPointer { Id = Id, TenantId = TenantId, Kind = Kind, SlaVersion = SlaVersion + 1, Rest = Rest };
            next.TakeEvents([], this);
            return next;
        }
    }

    private sealed class VersionDocument : TenantDocument
    {
        public override string Kind { get; set; } = "sla-version";

        public long Version { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public required string CreatedBy { get; set; }

        public required SlaSettingsData Data { get; set; }

        public static string IdOf(long version) => $"sla-version-{version:D19}";

        /// <summary>Stored versions were valid when written; they are read back through the same parser, for the lines the tenant buys.</summary>
        public SlaSettings ToSettings()
        {
            var lines = Data.Policies!.Select(p => EnumText.Parse<ServiceLine>(p.ServiceLine!)).Distinct().ToList();
            var (calendar, policies) = SlaSettingsParser.Parse(Data, lines);
            return new SlaSettings { TenantId = TenantId, Version = Version, Calendar = calendar, Policies = policies, CreatedAt = CreatedAt, CreatedBy = CreatedBy };
        }
    }
}
