namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>A row that belongs to one tenant: the context filters reads by it and refuses writes for another tenant.</summary>
internal interface ITenantOwned
{
    string TenantId { get; }
}

internal sealed class TenantRow
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public required string Status { get; set; }
    public required string ServiceLines { get; set; }
    public required string TimeZone { get; set; }
    public required string DirectoryIds { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long Version { get; set; }
    public long SlaVersion { get; set; }
    public string DedicatedLines { get; set; } = "";
}

internal sealed class TenantDirectoryRow
{
    public required string DirectoryId { get; set; }
    public required string TenantId { get; set; }
}

internal sealed class WorkItemRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string Id { get; set; }
    public required string ServiceLine { get; set; }
    public required string Type { get; set; }
    public required string Priority { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string Status { get; set; }
    public string? AssigneeSubject { get; set; }
    public string? AssigneeName { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public string? Resolution { get; set; }
    public required string SubmittedBy { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long Version { get; set; }
    public required string History { get; set; }
    public long? SlaVersion { get; set; }
    public long? FirstResponseDue { get; set; }
    public long? ResolutionDue { get; set; }
    public string? SlaDeadlines { get; set; }
    public long? FirstRespondedAt { get; set; }
    public long? SlaPausedAt { get; set; }
    public string? SlaTimeZone { get; set; }
    public long? RaisedAt { get; set; }
    public string? Payload { get; set; }
    public string? Attachments { get; set; }
    public string? Queue { get; set; }
    public string? Checklist { get; set; }
}

internal sealed class SlaSettingsRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public long Version { get; set; }
    public required string Data { get; set; }
    public long CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class ActivityRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string EventId { get; set; }
    public long At { get; set; }
    public required string ActorName { get; set; }
    public string? ItemId { get; set; }
    public required string Text { get; set; }
}

internal sealed class OutboxRow
{
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public long OccurredAt { get; set; }
    public int Attempts { get; set; }
    public long? DueAt { get; set; }
    public long? LeasedUntil { get; set; }
    public long? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The audit record of the row's event, chained when the row is saved (see BackOfficeDbContext.SaveChangesAsync).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public Core.Audit.AuditRecord? Audit { get; set; }
}

internal sealed class SlaAlertRow : ITenantOwned
{
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    public required string ItemId { get; set; }
    public required string Title { get; set; }
    public required string Queue { get; set; }
    public required string Clock { get; set; }
    public int Percent { get; set; }
    public long ThresholdAt { get; set; }
    public long DueAt { get; set; }
    public long FiredAt { get; set; }
    public string? TimeZone { get; set; }
    public long? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}

internal sealed class WebhookSubscriptionRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string Url { get; set; }
    public required string Events { get; set; }
    public required string Secret { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}

internal sealed class WebhookDeliveryRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string Id { get; set; }
    public required string EventType { get; set; }
    public required string Url { get; set; }
    public required string Payload { get; set; }
    public long CreatedAt { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public long? NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public long? LastAttemptAt { get; set; }
}

/// <summary>An invoice or payment of a customer account, indexed for lists across customers; the account stays the record.</summary>
internal sealed class LedgerLineRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string Kind { get; set; }
    public required string Id { get; set; }
    public required string CustomerId { get; set; }
    public required string CustomerName { get; set; }
    public required string OnDate { get; set; }
    public string? DueDate { get; set; }
    public bool Settled { get; set; }
    public required string Data { get; set; }
}

/// <summary>A tenant's record kept as a JSON document: an employee, a customer account.</summary>
internal sealed class DocumentRow : ITenantOwned
{
    public required string TenantId { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Data { get; set; }
    public long Version { get; set; }
}
