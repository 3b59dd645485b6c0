using System.Diagnostics;
using BackOffice.Core.Common;

namespace BackOffice.Core.Sla.MonitorSla;

/// <summary>One pass of the SLA monitor: fires every deadline that has come due, batch by batch.</summary>
public sealed class MonitorSla(ISlaDeadlines deadlines, SlaMonitorOptions options, TimeProvider time)
{
    /// <returns>How many warnings and breaches this pass fired.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var span = PlatformTelemetry.Start("MonitorSla");
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var fired = 0;
        int batch;
        do fired += batch = await deadlines.FireDueAsync(now, options.BatchSize, ct);
        while (batch == options.BatchSize);
        span?.SetTag("backoffice.sla.fired", fired);
        PlatformTelemetry.SlaFired.Add(fired);
        PlatformTelemetry.SlaPassDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return fired;
    }
}
