namespace BackOffice.Storage.Cosmos;

/// <summary>
/// Composite indexes each container needs for its stores' multi-property ORDER BY (a leading '-' sorts descending).
/// Each store group adds its own list in its folder; this gathers them.
/// </summary>
internal static class DataIndexes
{
    public static IEnumerable<string[]> Composites =>
    [
        ..Stores.Tenancy.TenancyIndexes.Data, ..Stores.Work.WorkIndexes.Data, ..Stores.Queues.QueueIndexes.Data,
        ..Stores.Events.EventIndexes.Data, ..Stores.Records.RecordIndexes.Data, ..Stores.Finance.FinanceIndexes.Data,
    ];
}

internal static class OutboxIndexes
{
    public static IEnumerable<string[]> Composites => Stores.Events.EventIndexes.Outbox;
}

internal static class PlatformIndexes
{
    public static IEnumerable<string[]> Composites => Stores.Tenancy.TenancyIndexes.Platform;
}
