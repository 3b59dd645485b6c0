using BackOffice.Core;
using BackOffice.Core.Events;
using BackOffice.Messaging.ServiceBus;
using BackOffice.Testing.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Benchmarks.Messaging;

/// <summary>
/// One transport composed as the hosts compose it (the core's registrations, then the Service Bus adapter on top for that
/// transport), with <see cref="LatencyRecorder"/> as the only handler. The Service Bus one publishes and consumes in this
/// process, through the real SDK, against the test broker on loopback.
/// </summary>
internal sealed class TransportUnderTest : IAsyncDisposable
{
    private const string Queue = "integration-events";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly IHost _host;
    private readonly TestServiceBusBroker? _broker;

    private TransportUnderTest(string name, IHost host, LatencyRecorder recorder, TestServiceBusBroker? broker) =>
        (Name, _host, Recorder, Bus, _broker) = (name, host, recorder, host.Services.GetRequiredService<IEventBus>(), broker);

    public string Name { get; }

    public LatencyRecorder Recorder { get; }

    public IEventBus Bus { get; }

    public static Task<TransportUnderTest> InProcessAsync() => StartAsync("in-process", null, _ => { });

    public static async Task<TransportUnderTest> ServiceBusAsync()
    {
        var broker = new TestServiceBusBroker();
        await broker.StartAsync();
        // As infra/bicep/modules/servicebus.bicep makes the queue.
        broker.CreateQueue(Queue, maxDeliveryCount: 10, lockDuration: TimeSpan.FromMinutes(1), duplicateDetection: true);
        var options = new MessagingOptions { Transport = "ServiceBus", ServiceBus = new() { ConnectionString = broker.ConnectionString, Queue = Queue } };
        return await StartAsync("Service Bus", broker, services => services.AddServiceBusMessaging(options, consume: true,
            () => throw new InvalidOperationException("The test broker takes a connection string.")));
    }

    private static async Task<TransportUnderTest> StartAsync(string name, TestServiceBusBroker? broker, Action<IServiceCollection> transport)
    {
        // Empty: the appsettings.json copied in from the Host project is not this composition's, and only warnings should print.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCore();
        builder.Services.RemoveAll<IDomainEventHandler>();
        var recorder = new LatencyRecorder();
        builder.Services.AddSingleton<IDomainEventHandler>(recorder);
        transport(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TransportUnderTest(name, host, recorder, broker);
    }

    /// <summary>Waits until the broker holds nothing more (every message completed), so the next round starts on an empty queue.</summary>
    public async Task SettleAsync()
    {
        if (_broker is null) return;
        for (var deadline = DateTime.UtcNow + Patience; _broker.GetCounts(Queue).Active > 0; await Task.Delay(20))
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Messages were left on the queue: {_broker.GetCounts(Queue)}.");
        if (_broker.GetCounts(Queue).DeadLettered > 0) throw new InvalidOperationException($"Messages were dead-lettered: {_broker.GetCounts(Queue)}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_broker is not null) await _broker.DisposeAsync();
    }
}
