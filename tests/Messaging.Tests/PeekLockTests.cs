using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class PeekLockTests : BrokerTestBase
{
    [Fact]
    public async Task Send_ThenReceivePeekLock_Complete_RemovesTheMessage()
    {
        Broker.CreateQueue("orders");
        await SendAsync("orders", new ServiceBusMessage("hello") { MessageId = "m-1" });
        await using var receiver = Client.CreateReceiver("orders");

        var received = await ReceiveOneAsync(receiver);
        Assert.Equal(1, Broker.GetCounts("orders").Locked);
        await receiver.CompleteMessageAsync(received);

        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("hello", received.Body.ToString());
        Assert.Equal(1, received.DeliveryCount);
        Assert.NotEqual(Guid.Empty, Guid.Parse(received.LockToken));
        Assert.True(received.SequenceNumber > 0);
        Assert.True(received.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Equal(new(0, 0, 0, 0), Broker.GetCounts("orders"));
    }

    [Fact]
    public async Task Abandon_IncrementsDeliveryCount_AndRedeliversTheSameMessage()
    {
        Broker.CreateQueue("orders");
        await SendAsync("orders", new ServiceBusMessage("retry me") { MessageId = "m-1" });
        await using var receiver = Client.CreateReceiver("orders");

        var first = await ReceiveOneAsync(receiver);
        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["attempt"] = 1 });
        var second = await ReceiveOneAsync(receiver);

        Assert.Equal(1, first.DeliveryCount);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.NotEqual(first.LockToken, second.LockToken);
        Assert.Equal(1, second.ApplicationProperties["attempt"]);
    }

    [Fact]
    public async Task RenewMessageLock_ExtendsLockedUntil_PastTheOriginalExpiry()
    {
        var lockDuration = TimeSpan.FromSeconds(8);
        Broker.CreateQueue("orders", lockDuration: lockDuration);
        await SendAsync("orders", new ServiceBusMessage("slow work"));
        await using var receiver = Client.CreateReceiver("orders");
        var received = await ReceiveOneAsync(receiver);
        var originalLockedUntil = received.LockedUntil;

        await Task.Delay(lockDuration / 2);
        await receiver.RenewMessageLockAsync(received);
        await DelayUntil(originalLockedUntil + TimeSpan.FromSeconds(1));
        await receiver.CompleteMessageAsync(received); // would fail with MessageLockLost without the renewal

        Assert.True(received.LockedUntil > originalLockedUntil);
        Assert.Equal(0, Broker.GetCounts("orders").Active);
    }

    [Fact]
    public async Task LockExpiry_RedeliversTheMessage_AndTheOldLockIsLost()
    {
        Broker.CreateQueue("orders", lockDuration: TimeSpan.FromSeconds(1));
        await SendAsync("orders", new ServiceBusMessage("forgotten"));
        await using var receiver = Client.CreateReceiver("orders");

        var first = await ReceiveOneAsync(receiver);
        var second = await ReceiveOneAsync(receiver);
        var lockLost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first));

        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lockLost.Reason);
    }

    [Fact]
    public async Task Peek_ReturnsMessagesInOrder_WithoutLockingThem()
    {
        Broker.CreateQueue("orders");
        await SendAsync("orders", new ServiceBusMessage("a"), new ServiceBusMessage("b"), new ServiceBusMessage("c"));
        await using var receiver = Client.CreateReceiver("orders");

        var peeked = await receiver.PeekMessagesAsync(maxMessages: 10);

        Assert.Equal(["a", "b", "c"], peeked.Select(message => message.Body.ToString()));
        Assert.Equal(new(3, 0, 0, 0), Broker.GetCounts("orders"));
    }

    [Fact]
    public async Task ReceiveAndDelete_RemovesTheMessageOnReceipt()
    {
        Broker.CreateQueue("orders");
        await SendAsync("orders", new ServiceBusMessage("once"));
        await using var receiver = Client.CreateReceiver("orders", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

        var received = await ReceiveOneAsync(receiver);

        Assert.Equal("once", received.Body.ToString());
        Assert.Equal(new(0, 0, 0, 0), Broker.GetCounts("orders"));
    }

    static async Task DelayUntil(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
