using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class DuplicateDetectionTests : BrokerTestBase
{
    [Fact]
    public async Task DuplicateMessageId_OnDuplicateDetectingQueue_IsEnqueuedOnce()
    {
        Broker.CreateQueue("orders", duplicateDetection: true);

        await SendAsync("orders", new ServiceBusMessage("first") { MessageId = "order-1" });
        await SendAsync("orders", new ServiceBusMessage("again") { MessageId = "order-1" }, new ServiceBusMessage("other") { MessageId = "order-2" });

        Assert.Equal(2, Broker.GetCounts("orders").Available);
        await using var receiver = Client.CreateReceiver("orders");
        var received = await receiver.PeekMessagesAsync(maxMessages: 10);
        Assert.Equal(["first", "other"], received.Select(message => message.Body.ToString()));
    }

    [Fact]
    public async Task DuplicateMessageId_WithoutDuplicateDetection_IsEnqueuedTwice()
    {
        Broker.CreateQueue("orders", duplicateDetection: false);

        await SendAsync("orders", new ServiceBusMessage("first") { MessageId = "order-1" });
        await SendAsync("orders", new ServiceBusMessage("again") { MessageId = "order-1" });

        Assert.Equal(2, Broker.GetCounts("orders").Available);
    }
}
