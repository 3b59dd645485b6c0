using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackOffice.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    public const string ActivitySourceName = Core.Common.PlatformTelemetry.Name;

    /// <summary>Traces, metrics and structured logs through OpenTelemetry; the exporter is chosen by configuration.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new();
        options = options with { ApplicationInsightsConnectionString = options.ApplicationInsightsConnectionString ?? builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] };
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations()
            .Validate(_ => options.Exporter != "azuremonitor" || !string.IsNullOrWhiteSpace(options.ApplicationInsightsConnectionString),
                "The azuremonitor exporter needs APPLICATIONINSIGHTS_CONNECTION_STRING (or Telemetry:ApplicationInsightsConnectionString).")
            .ValidateOnStart();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(t => t.AddSource(ActivitySourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(ActivitySourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        switch (options.Exporter)
        {
            case "console":
                otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
                break;
            case "azuremonitor" when options.ApplicationInsightsConnectionString is { Length: > 0 }:
                // Application Insights, signed in with the app's managed identity (AZURE_CLIENT_ID names it), not its key.
                // Without a connection string the options' validation refuses the start, naming the setting.
                otel.UseAzureMonitor(o =>
                {
                    o.ConnectionString = options.ApplicationInsightsConnectionString;
                    o.Credential = new Azure.Identity.DefaultAzureCredential();
                });
                break;
            case "otlp":
                builder.Logging.AddOpenTelemetry(l => l.IncludeFormattedMessage = true);
                otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, options.OtlpEndpoint ?? new Uri("http://localhost:4317"));
                break;
        }
        return builder;
    }
}
