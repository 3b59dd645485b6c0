using System.Text.Json.Nodes;
using BackOffice.Core.Common;

namespace BackOffice.Core.Audit;

/// <summary>
/// Puts on a tenant's trail what provider staff saw or took away: sensitive fields shown unmasked, and exports. The
/// tenant's own users reading their own data are not recorded.
/// </summary>
public sealed class RecordAccess(IAuditTrail trail, TimeProvider time)
{
    /// <param name="target">What was read unmasked: "employee/{id}", "work-item/{id}", or a list ("employees").</param>
    public Task SensitiveReadAsync(Actor actor, string tenantId, string target, CancellationToken ct) =>
        RecordAsync(actor, tenantId, "sensitive.read", target, [], ct);

    /// <summary>An item's payload shown with its sensitive fields (only recorded when it has some).</summary>
    public Task PayloadReadAsync(Actor actor, string tenantId, Guid itemId, string? payload, bool unmasked, CancellationToken ct) =>
        unmasked && HasSensitiveFields(payload) ? SensitiveReadAsync(actor, tenantId, $"work-item/{itemId}", ct) : Task.CompletedTask;

    private static bool HasSensitiveFields(string? payload) =>
        payload is not null && JsonNode.Parse(payload) is JsonObject o && Hr.SensitiveData.Fields.Any(o.ContainsKey);

    /// <param name="export">The file exported, as "employees.csv".</param>
    public Task ExportAsync(Actor actor, string tenantId, string export, int rows, CancellationToken ct) =>
        RecordAsync(actor, tenantId, "export", export, new() { ["rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);

    private Task RecordAsync(Actor actor, string tenantId, string action, string target, Dictionary<string, string> detail, CancellationToken ct) =>
        actor.IsProviderStaff
            ? trail.AppendAsync(new AuditRecord(tenantId, time.GetUtcNow(), AuditActor.Of(actor), action, target, detail), ct)
            : Task.CompletedTask;
}
