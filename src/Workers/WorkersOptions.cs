namespace BackOffice.Workers;

/// <summary>Configuration section "Workers": which background services this process runs.</summary>
public sealed record WorkersOptions
{
    public const string SectionName = "Workers";

    public bool RunOutboxDispatcher { get; init; } = true;

    public bool RunLeaseSweeper { get; init; } = true;

    public bool RunSlaMonitor { get; init; } = true;

    public bool RunWebhookDelivery { get; init; } = true;
}
