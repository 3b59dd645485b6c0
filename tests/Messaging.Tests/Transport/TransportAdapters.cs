using BackOffice.Core.Events;
using BackOffice.Messaging.ServiceBus;
using BackOffice.Testing.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Messaging.Tests.Transport;

/// <summary>The embedded default: the relay runs the handlers itself.</summary>
public sealed class InProcessTransportTests : TransportContract
{
    protected override Task ComposeAsync(IHostApplicationBuilder builder) => Task.CompletedTask;

    protected override async Task PublishUnreadableAndAwaitDeadLetterAsync(OutboxMessage message) =>
        await Assert.ThrowsAsync<PoisonMessageException>(() => Services.GetRequiredService<IEventBus>().PublishAsync(message, default));

    /// <summary>The outbox keeps it, dead: undelivered, and never due again (a retry would be due within seconds).</summary>
    protected override async Task AwaitOneDeadLetterAsync()
    {
        var outbox = Services.GetRequiredService<IOutbox>();
        Assert.Empty(await outbox.LeaseDueAsync(DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(1), 10, default));
        Assert.Equal(1, await outbox.CountUndeliveredAsync(default));
    }
}

/// <summary>Azure Service Bus through the real SDK, against the test broker: the relay publishes, a processor in this host consumes.</summary>
public sealed class ServiceBusTransportTests : TransportContract
{
    private const string Queue = "integration-events";
    private readonly TestServiceBusBroker _broker = new();

    protected override async Task ComposeAsync(IHostApplicationBuilder builder)
    {
        await _broker.StartAsync();
        _broker.CreateQueue(Queue, maxDeliveryCount: 10);
        var options = new MessagingOptions { Transport = "ServiceBus", ServiceBus = new() { ConnectionString = _broker.ConnectionString, Queue = Queue } };
        builder.Services.AddServiceBusMessaging(options, consume: true, () => throw new InvalidOperationException("The test broker takes a connection string."));
    }

    protected override async Task AwaitSettledAsync()
    {
        await UntilAsync(counts => counts.Active == 0, "Messages were left on the queue");
        Assert.Equal(0, _broker.GetCounts(Queue).DeadLettered);
    }

    protected override async Task AwaitOneDeadLetterAsync()
    {
        await UntilAsync(counts => counts.DeadLettered > 0, "The poisoned message was not dead-lettered");
        Assert.Equal(1, _broker.GetCounts(Queue).DeadLettered);
    }

    protected override async Task PublishUnreadableAndAwaitDeadLetterAsync(OutboxMessage message)
    {
        await Services.GetRequiredService<IEventBus>().PublishAsync(message, default);
        await UntilAsync(counts => counts.DeadLettered > 0, "The unreadable message was not dead-lettered");
        Assert.Equal(0, _broker.GetCounts(Queue).Active);
    }

    private async Task UntilAsync(Func<QueueCounts, bool> done, string otherwise)
    {
        for (var deadline = DateTime.UtcNow + Patience; !done(_broker.GetCounts(Queue)); await Task.Delay(50))
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"{otherwise}: {_broker.GetCounts(Queue)}.");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
