using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.ServiceDefaults.Logging;

public static class LoggingDefaults
{
    /// <summary>Token validation writes several Information lines per request; these categories start at Warning.</summary>
    private static readonly string[] NoisyCategories =
        ["Microsoft.IdentityModel", "Microsoft.Identity.Web", "Microsoft.AspNetCore.Authentication.JwtBearer"];

    /// <summary>Quiet defaults for chatty framework categories; a level set in configuration for one of them still wins.</summary>
    public static IHostApplicationBuilder AddLoggingDefaults(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection("Logging:LogLevel");
        foreach (var category in NoisyCategories.Where(c => configured[c] is null))
            builder.Logging.AddFilter(category, LogLevel.Warning);
        return builder;
    }
}
