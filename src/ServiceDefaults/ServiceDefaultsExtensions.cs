using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.ServiceDefaults.Secrets;
using BackOffice.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every host has: telemetry, health, problem details and the core use cases.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder) => builder
        .AddTelemetry()
        .AddHealthDefaults()
        .AddProblemDetailsDefaults()
        .AddSecretProtection()
        .AddCoreUseCases();
}
