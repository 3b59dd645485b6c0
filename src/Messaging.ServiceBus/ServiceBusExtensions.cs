using Azure.Core;
using Azure.Messaging.ServiceBus;
using BackOffice.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Messaging.ServiceBus;

public static class ServiceBusExtensions
{
    /// <summary>
    /// The outbox relay publishes to Service Bus instead of running the handlers itself; with <paramref name="consume"/>
    /// (the workers' role) this process also runs them for what it takes from the queue.
    /// </summary>
    /// <param name="credential">How to sign in to <see cref="ServiceBusOptions.FullyQualifiedNamespace"/> when no connection string is set.</param>
    public static IServiceCollection AddServiceBusMessaging(this IServiceCollection services, MessagingOptions options, bool consume,
        Func<TokenCredential> credential)
    {
        var bus = options.ServiceBus;
        services.AddSingleton(options);
        services.AddSingleton(_ => bus.ConnectionString is { Length: > 0 } connection
            ? new ServiceBusClient(connection)
            : new ServiceBusClient(bus.FullyQualifiedNamespace ?? throw new InvalidOperationException(
                "Messaging:ServiceBus:ConnectionString or Messaging:ServiceBus:FullyQualifiedNamespace is required when Messaging:Transport is ServiceBus."),
                credential()));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(bus.Queue));
        services.RemoveAll<IEventBus>();
        services.AddSingleton<IEventBus, ServiceBusEventBus>();
        if (consume) services.AddHostedService<ServiceBusEventConsumer>();
        return services;
    }
}
