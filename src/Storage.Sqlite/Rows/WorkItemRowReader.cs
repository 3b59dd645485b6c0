using BackOffice.Storage.Sqlite.Native;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>Work item rows read straight from SQLite (see <see cref="NativeSqlite"/>): every column, in <see cref="Columns"/> order.</summary>
internal static class WorkItemRowReader
{
    public const string Columns = """
        tenant_id, id, service_line, type, priority, title, description, status, assignee_subject, assignee_name, lease_expires_at,
        resolution, submitted_by, created_at, updated_at, version, history, sla_version, first_response_due, resolution_due, sla_deadlines,
        first_responded_at, sla_paused_at, sla_time_zone, raised_at, payload, attachments, queue, checklist
        """;

    public static WorkItemRow Read(NativeRow r) => new()
    {
        TenantId = r.GetString(0), Id = r.GetString(1), ServiceLine = r.GetString(2), Type = r.GetString(3), Priority = r.GetString(4),
        Title = r.GetString(5), Description = r.GetString(6), Status = r.GetString(7), AssigneeSubject = Text(r, 8), AssigneeName = Text(r, 9),
        LeaseExpiresAt = Number(r, 10), Resolution = Text(r, 11), SubmittedBy = r.GetString(12), CreatedAt = r.GetInt64(13),
        UpdatedAt = r.GetInt64(14), Version = r.GetInt64(15), History = r.GetString(16), SlaVersion = Number(r, 17), FirstResponseDue = Number(r, 18),
        ResolutionDue = Number(r, 19), SlaDeadlines = Text(r, 20), FirstRespondedAt = Number(r, 21), SlaPausedAt = Number(r, 22),
        SlaTimeZone = Text(r, 23), RaisedAt = Number(r, 24), Payload = Text(r, 25), Attachments = Text(r, 26), Queue = Text(r, 27), Checklist = Text(r, 28),
    };

    private static string? Text(NativeRow r, int i) => r.GetStringOrNull(i);

    private static long? Number(NativeRow r, int i) => r.GetInt64OrNull(i);
}
