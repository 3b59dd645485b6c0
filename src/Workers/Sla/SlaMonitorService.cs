using BackOffice.Core.Sla.MonitorSla;

namespace BackOffice.Workers.Sla;

/// <summary>Fires SLA warnings and breaches as they come due; safe to run in several processes at once.</summary>
internal sealed class SlaMonitorService(MonitorSla monitor, SlaMonitorOptions options, TimeProvider time, ExclusiveWork exclusive, ILogger<SlaMonitorService> logger)
    : PeriodicWorker(time, logger, exclusive)
{
    protected override TimeSpan Interval => options.Interval;

    protected override string DidWhat => "SLA warnings and breaches fired";

    protected override Task<int> RunPassAsync(CancellationToken ct) => monitor.RunOnceAsync(ct);
}
