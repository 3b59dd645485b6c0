using BackOffice.Core.Common;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// A work item's row and its events, written with plain statements (prepared once on the writer's connection) instead of
/// EF's change tracking, which cost more than the statements on the submit, claim and update paths. The rules are
/// SaveChanges' own: the row must be the context's tenant's, an update must find the version it read, and each event's
/// audit record is chained in the same transaction.
/// </summary>
internal static class WorkItemRowWrites
{
    public static async Task InsertAsync(BackOfficeDbContext context, WorkItemRow r, List<OutboxRow> events, CancellationToken ct)
    {
        EnsureTenant(context, r);
        await context.ExecuteAsync($"""
            INSERT INTO work_items (tenant_id, id, service_line, type, priority, title, description, status, assignee_subject, assignee_name,
                lease_expires_at, resolution, submitted_by, created_at, updated_at, version, history, sla_version, first_response_due,
                resolution_due, sla_deadlines, first_responded_at, sla_paused_at, sla_time_zone, raised_at, payload, attachments, queue, checklist)
            VALUES ({r.TenantId}, {r.Id}, {r.ServiceLine}, {r.Type}, {r.Priority}, {r.Title}, {r.Description}, {r.Status}, {r.AssigneeSubject},
                {r.AssigneeName}, {r.LeaseExpiresAt}, {r.Resolution}, {r.SubmittedBy}, {r.CreatedAt}, {r.UpdatedAt}, {r.Version}, {r.History},
                {r.SlaVersion}, {r.FirstResponseDue}, {r.ResolutionDue}, {r.SlaDeadlines}, {r.FirstRespondedAt}, {r.SlaPausedAt}, {r.SlaTimeZone},
                {r.RaisedAt}, {r.Payload}, {r.Attachments}, {r.Queue}, {r.Checklist})
            """, ct);
        await OutboxWrites.InsertAsync(context, events, ct);
    }

    /// <summary>Saves the row if its stored version is <paramref name="expectedVersion"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    public static async Task UpdateAsync(BackOfficeDbContext context, WorkItemRow r, List<OutboxRow> events, long expectedVersion, CancellationToken ct)
    {
        EnsureTenant(context, r);
        var updated = await context.ExecuteAsync($"""
            UPDATE work_items SET service_line = {r.ServiceLine}, type = {r.Type}, priority = {r.Priority}, title = {r.Title},
                description = {r.Description}, status = {r.Status}, assignee_subject = {r.AssigneeSubject}, assignee_name = {r.AssigneeName},
                lease_expires_at = {r.LeaseExpiresAt}, resolution = {r.Resolution}, submitted_by = {r.SubmittedBy}, created_at = {r.CreatedAt},
                updated_at = {r.UpdatedAt}, version = {r.Version}, history = {r.History}, sla_version = {r.SlaVersion},
                first_response_due = {r.FirstResponseDue}, resolution_due = {r.ResolutionDue}, sla_deadlines = {r.SlaDeadlines},
                first_responded_at = {r.FirstRespondedAt}, sla_paused_at = {r.SlaPausedAt}, sla_time_zone = {r.SlaTimeZone}, raised_at = {r.RaisedAt},
                payload = {r.Payload}, attachments = {r.Attachments}, queue = {r.Queue}, checklist = {r.Checklist}
            WHERE tenant_id = {r.TenantId} AND id = {r.Id} AND version = {expectedVersion}
            """, ct);
        if (updated != 1) throw new ConcurrencyConflictException($"Work item {r.Id}");
        await OutboxWrites.InsertAsync(context, events, ct);
    }

    private static void EnsureTenant(BackOfficeDbContext context, WorkItemRow row)
    {
        if (row.TenantId != context.TenantId)
            throw new TenantIsolationException($"A WorkItemRow of tenant '{row.TenantId}' cannot be written in the scope of tenant '{context.TenantId}'.");
    }
}

/// <summary>Outbox rows inserted with plain statements, their audit records chained after them, as SaveChanges does for tracked ones.</summary>
internal static class OutboxWrites
{
    public static async Task InsertAsync(BackOfficeDbContext context, List<OutboxRow> rows, CancellationToken ct)
    {
        foreach (var r in rows)
            await context.ExecuteAsync($"""
                INSERT INTO outbox_messages (id, tenant_id, type, payload, occurred_at, attempts, due_at, leased_until, delivered_at, last_error)
                VALUES ({r.Id}, {r.TenantId}, {r.Type}, {r.Payload}, {r.OccurredAt}, {r.Attempts}, {r.DueAt}, {r.LeasedUntil}, {r.DeliveredAt}, {r.LastError})
                """, ct);
        var audit = rows.Select(r => r.Audit).OfType<Core.Audit.AuditRecord>().ToList();
        if (audit.Count > 0) await AuditChain.AppendAsync(context, audit, ct);
    }
}
