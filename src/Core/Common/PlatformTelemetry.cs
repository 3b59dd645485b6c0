using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BackOffice.Core.Common;

/// <summary>
/// The platform's own spans and metrics, from the use cases themselves so every role (API, Portal, workers) reports the
/// same. Only the BCL's ActivitySource and Meter: the host picks the exporter (Application Insights, OTLP, console).
/// Metric tags are low-cardinality (queue, line, outcome); the tenant goes on spans only.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "BackOffice";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Claims = Meter.CreateCounter<long>("backoffice.claims", "{claim}", "Claim attempts, by queue and outcome (claimed or empty).");

    public static readonly Histogram<double> ClaimDuration = Meter.CreateHistogram<double>("backoffice.claim.duration", "ms", "Time to pick and take the next item.");

    public static readonly Counter<long> Submissions = Meter.CreateCounter<long>("backoffice.submissions", "{item}", "Work items submitted, by service line and priority.");

    public static readonly Histogram<double> SlaPassDuration = Meter.CreateHistogram<double>("backoffice.sla.pass.duration", "ms", "One pass of the SLA monitor.");

    public static readonly Counter<long> SlaFired = Meter.CreateCounter<long>("backoffice.sla.fired", "{deadline}", "SLA warnings and breaches the monitor fired.");

    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("backoffice.outbox.lag", "ms",
        "From an event's change being saved to its publication by the relay.");

    public static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>("backoffice.outbox.failures", "{message}", "Publications that failed, by outcome (retry, dead-letter, poison).");

    /// <summary>A span for one use case, tagged with the tenant it works for when known.</summary>
    public static System.Diagnostics.Activity? Start(string name, string? tenantId = null)
    {
        var activity = Source.StartActivity(name);
        if (tenantId is not null) activity?.SetTag("backoffice.tenant", tenantId);
        return activity;
    }
}
