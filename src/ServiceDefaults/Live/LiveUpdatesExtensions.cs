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
    /// <param name="hasPages">Whether this instance serves pages: only those read the others' signals (and purge old ones).</param>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder, bool hasPages)
    {
        var options = builder.Configuration.GetSection(LiveOptions.SectionName).Get<LiveOptions>() ?? new();
        if (!options.Shared) return builder;
        builder.Services.AddSingleton<SharedChangeFeed>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp => sp.GetRequiredService<SharedChangeFeed>()));
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SharedChangeFeedRelay>(sp, new SharedChangeFeedRelay.Reading(hasPages)));
        return builder;
    }
}
