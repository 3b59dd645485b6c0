using System.ComponentModel.DataAnnotations;

namespace BackOffice.ServiceDefaults.Telemetry;

/// <summary>Configuration section "Telemetry".</summary>
public sealed record TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// none, console, otlp (then OTEL_EXPORTER_OTLP_ENDPOINT or <see cref="OtlpEndpoint"/> says where), or azuremonitor
    /// (Application Insights, at <see cref="ApplicationInsightsConnectionString"/>).
    /// </summary>
    [RegularExpression("^(none|console|otlp|azuremonitor)$")]
    public string Exporter { get; init; } = "none";

    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Where Application Insights takes the telemetry; by default the APPLICATIONINSIGHTS_CONNECTION_STRING setting Azure gives.</summary>
    public string? ApplicationInsightsConnectionString { get; init; }
}
