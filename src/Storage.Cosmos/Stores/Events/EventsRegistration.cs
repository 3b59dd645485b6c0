using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class EventIndexes
{
    /// <summary>A tenant's activity feed, newest first.</summary>
    public static IEnumerable<string[]> Data => [["-/atTicks", "-/eventId"]];

    /// <summary>Due messages, earliest first.</summary>
    public static IEnumerable<string[]> Outbox => [["/dueAt", "/occurredTicks"]];

    /// <summary>A person's notifications: the bell's newest first, the digest's oldest first.</summary>
    public static IEnumerable<string[]> Platform => [["-/createdTicks", "-/id"], ["/createdTicks", "/id"]];
}

internal static class EventsStores
{
    public static IServiceCollection AddEventsStores(this IServiceCollection services) => services
        .AddSingleton<CosmosAuditStore>()
        .AddSingleton<Core.Audit.IAuditStore>(sp => sp.GetRequiredService<CosmosAuditStore>())
        .AddSingleton<Core.Audit.IAuditTrail>(sp => sp.GetRequiredService<CosmosAuditStore>())
        .AddSingleton<Documents.IAuditChain>(sp => sp.GetRequiredService<CosmosAuditStore>())
        .AddSingleton<Core.Events.IOutbox, CosmosOutbox>()
        .AddSingleton<Core.Activity.IActivityStore, CosmosActivityStore>()
        .AddSingleton<Core.Notifications.INotificationStore, CosmosNotificationStore>()
        .AddSingleton<Core.Notifications.IEmailOutbox, CosmosEmailOutbox>()
        .AddSingleton<Core.Notifications.IUserDirectory, CosmosUserDirectory>();
}
