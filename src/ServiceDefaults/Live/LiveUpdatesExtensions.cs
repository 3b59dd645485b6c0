using BackOffice.Core.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults.Live;

public static class LiveUpdatesExtensions
{
    /// <summary>
    /// Open pages hear changes in memory on one machine; with Live:Shared (several instances) they also hear, through the
    /// store, what every other instance changed. Added after the store, whose migration must run before the relay starts.
    /// </summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LiveOptions.SectionName).Get<LiveOptions>() ?? new();
        if (!options.Shared) return builder;
        builder.Services.AddSingleton<SharedChangeFeed>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp => sp.GetRequiredService<SharedChangeFeed>()));
        builder.Services.AddHostedService<SharedChangeFeedRelay>();
        return builder;
    }
}
