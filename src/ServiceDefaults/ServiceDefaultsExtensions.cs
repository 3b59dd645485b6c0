using BackOffice.Core;
using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Logging;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.ServiceDefaults.Secrets;
using BackOffice.ServiceDefaults.Security;
using BackOffice.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every host has: telemetry, logging levels, health, problem details, proxy and security headers, the core use cases.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder) => builder
        .AddTelemetry()
        .AddLoggingDefaults()
        .AddForwardedHeadersDefaults()
        .AddSecurityHeaders()
        .AddHealthDefaults()
        .AddProblemDetailsDefaults()
        .AddSecretProtection()
        .AddCoreServices();

    private static IHostApplicationBuilder AddCoreServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCore();
        return builder;
    }
}
