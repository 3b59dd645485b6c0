using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class SchedulingTests : BrokerTestBase
{
    /// <summary>Far enough ahead that no slow machine reaches it during a test.</summary>
    static DateTimeOffset FarFuture => DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public async Task ScheduledMessage_IsNotReceivedBeforeItsTime()
    {
        Broker.CreateQueue("orders");
        await using var sender = Client.CreateSender("orders");
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(2);

        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("later"), dueAt);
        await using var receiver = Client.CreateReceiver("orders");
        var received = await ReceiveOneAsync(receiver);

        Assert.True(DateTimeOffset.UtcNow >= dueAt, "The scheduled message arrived before its time.");
        Assert.Equal(sequenceNumber, received.SequenceNumber);
        Assert.Equal("later", received.Body.ToString());
    }

    [Fact]
    public async Task CancelledScheduledMessage_IsRemoved_AndNeverReceived()
    {
        Broker.CreateQueue("orders");
        await using var sender = Client.CreateSender("orders");
        var cancelled = await sender.ScheduleMessageAsync(new ServiceBusMessage("cancelled"), FarFuture);
        await sender.ScheduleMessageAsync(new ServiceBusMessage("kept"), FarFuture);

        await sender.CancelScheduledMessageAsync(cancelled);

        Assert.Equal(new(0, 0, 1, 0), Broker.GetCounts("orders"));
        await using var receiver = Client.CreateReceiver("orders");
        var stillScheduled = await receiver.PeekMessagesAsync(maxMessages: 10);
        Assert.Equal(["kept"], stillScheduled.Select(message => message.Body.ToString()));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task SendWithScheduledEnqueueTime_IsHeldAsScheduled()
    {
        Broker.CreateQueue("orders");
        var dueAt = FarFuture;

        await SendAsync("orders", new ServiceBusMessage("later") { ScheduledEnqueueTime = dueAt });

        Assert.Equal(new(0, 0, 1, 0), Broker.GetCounts("orders"));
        await using var receiver = Client.CreateReceiver("orders");
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));
    }
}
