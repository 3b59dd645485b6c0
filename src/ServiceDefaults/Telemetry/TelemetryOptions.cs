using System.ComponentModel.DataAnnotations;

namespace BackOffice.ServiceDefaults.Telemetry;

/// <summary>Configuration section "Telemetry".</summary>
public sealed record TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>none, console, or otlp (then OTEL_EXPORTER_OTLP_ENDPOINT or <see cref="OtlpEndpoint"/> says where).</summary>
    [RegularExpression("^(none|console|otlp)$")]
    public string Exporter { get; init; } = "none";

    public Uri? OtlpEndpoint { get; init; }
}
