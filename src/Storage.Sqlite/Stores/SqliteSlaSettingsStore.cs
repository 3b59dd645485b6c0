using System.Collections.Concurrent;
using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <remarks>A version never changes once written, so parsed versions are kept by (tenant, version).</remarks>
internal sealed class SqliteSlaSettingsStore(SqliteDatabase db) : ISlaSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<(string Tenant, long Version), SlaSettings> _versions = new();

    public async Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct)
    {
        if (_versions.TryGetValue((scope.TenantId, version), out var cached)) return cached;
        await using var context = db.Context(scope);
        var row = await context.SlaSettings.AsNoTracking().FirstOrDefaultAsync(r => r.Version == version, ct);
        return row is null ? null : _versions.GetOrAdd((scope.TenantId, version), _ => ToSettings(row));
    }

    public async Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct)
    {
        scope.EnsureOwns(settings.TenantId, "SLA version");
        var row = new SlaSettingsRow
        {
            TenantId = settings.TenantId, Version = settings.Version, CreatedAt = settings.CreatedAt.ToTicks(), CreatedBy = settings.CreatedBy,
            Data = JsonSerializer.Serialize(SlaSettingsParser.Format(settings), Json),
        };
        var events = OutboxMapping.Rows(settings);
        try
        {
            await db.WriteAsync(scope, async context =>
            {
                var advanced = await context.Database.ExecuteSqlAsync(
                    $"UPDATE tenants SET sla_version = {settings.Version} WHERE id = {settings.TenantId} AND sla_version = {settings.Version - 1}", ct);
                if (advanced != 1) throw new ConcurrencyConflictException($"The SLA of tenant '{settings.TenantId}'");
                context.SlaSettings.Add(row);
                context.Outbox.AddRange(events);
                await context.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new ConcurrencyConflictException($"The SLA of tenant '{settings.TenantId}'");
        }
        settings.ClearPendingEvents();
    }

    /// <summary>Stored versions were valid when written; they are read back through the same parser, for the lines the tenant buys.</summary>
    private static SlaSettings ToSettings(SlaSettingsRow row)
    {
        var data = JsonSerializer.Deserialize<SlaSettingsData>(row.Data, Json)!;
        var lines = data.Policies!.Select(p => EnumText.Parse<ServiceLine>(p.ServiceLine!)).Distinct().ToList();
        var (calendar, policies) = SlaSettingsParser.Parse(data, lines);
        return new SlaSettings { TenantId = row.TenantId, Version = row.Version, Calendar = calendar, Policies = policies, CreatedAt = Time.FromTicks(row.CreatedAt), CreatedBy = row.CreatedBy };
    }
}
