using BackOffice.Core.Events;

namespace BackOffice.Workers.Outbox;

/// <summary>Deletes delivered outbox messages once they are past their retention, so the outbox does not grow for ever.</summary>
internal sealed class OutboxRetentionService(OutboxDispatcher dispatcher, OutboxOptions options, TimeProvider time, ILogger<OutboxRetentionService> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.PurgeInterval;

    protected override string DidWhat => "delivered outbox messages deleted after their retention";

    protected override Task<int> RunPassAsync(CancellationToken ct) => dispatcher.PurgeAsync(ct);
}
