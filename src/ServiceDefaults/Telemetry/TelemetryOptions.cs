using System.ComponentModel.DataAnnotations;

namespace BackOffice.ServiceDefaults.Telemetry;

/// <summary>Configuration section "Telemetry".</summary>
public sealed record TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// none, console, otlp (then OTEL_EXPORTER_OTLP_ENDPOINT or <see cref="OtlpEndpoint"/> says where), or azuremonitor
    /// (Application Insights, at <see cref="ApplicationInsightsConnectionString"/>).
    /// </summary>
    [RegularExpression("^(none|console|otlp|azuremonitor)$")]
    public string Exporter { get; init; } = "none";

    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Telemetry:ApplicationInsightsConnectionString, or the APPLICATIONINSIGHTS_CONNECTION_STRING Azure sets.</summary>
    public string? ApplicationInsightsConnectionString { get; init; } = Environment.GetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Exporter == "azuremonitor" && string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString))
            yield return new ValidationResult("The azuremonitor exporter needs APPLICATIONINSIGHTS_CONNECTION_STRING (or Telemetry:ApplicationInsightsConnectionString).",
                [nameof(ApplicationInsightsConnectionString)]);
    }
}
