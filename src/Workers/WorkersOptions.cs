namespace BackOffice.Workers;

/// <summary>Configuration section "Workers": which background services this process runs.</summary>
public sealed record WorkersOptions
{
    public const string SectionName = "Workers";

    public bool RunOutboxDispatcher { get; init; } = true;

    public bool RunLeaseSweeper { get; init; } = true;

    public bool RunSlaMonitor { get; init; } = true;

    public bool RunWebhookDelivery { get; init; } = true;

    public bool RunImports { get; init; } = true;

    public bool RunAutoClose { get; init; } = true;

    /// <summary>Drafts and issues billing runs, and runs dunning.</summary>
    public bool RunBilling { get; init; } = true;

    /// <summary>Sends notification e-mails and the daily digests.</summary>
    public bool RunEmailDelivery { get; init; } = true;

    /// <summary>How often the import worker looks for a queued file.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ImportInterval { get; init; } = TimeSpan.FromSeconds(2);
}
