using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class DeadLetterTests : BrokerTestBase
{
    [Fact]
    public async Task DeadLetter_WithReason_LandsInDeadLetterQueue_KeepingReasonAndDescription()
    {
        Broker.CreateQueue("orders");
        await SendAsync("orders", new ServiceBusMessage("poison") { MessageId = "m-1" });
        await using var receiver = Client.CreateReceiver("orders");
        await using var deadLetters = Client.CreateReceiver("orders", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });

        var received = await ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(received, "InvalidOrder", "The order has no lines.");
        var deadLettered = await ReceiveOneAsync(deadLetters);
        await deadLetters.CompleteMessageAsync(deadLettered);

        Assert.Equal("m-1", deadLettered.MessageId);
        Assert.Equal("poison", deadLettered.Body.ToString());
        Assert.Equal("InvalidOrder", deadLettered.DeadLetterReason);
        Assert.Equal("The order has no lines.", deadLettered.DeadLetterErrorDescription);
        Assert.Equal(new(0, 0, 0, 0), Broker.GetCounts("orders"));
    }

    [Fact]
    public async Task Abandon_BeyondMaxDeliveryCount_DeadLettersWithMaxDeliveryCountExceeded()
    {
        Broker.CreateQueue("orders", maxDeliveryCount: 3);
        await SendAsync("orders", new ServiceBusMessage("always fails") { MessageId = "m-1" });
        await using var receiver = Client.CreateReceiver("orders");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var received = await ReceiveOneAsync(receiver);
            Assert.Equal(attempt, received.DeliveryCount);
            await receiver.AbandonMessageAsync(received);
        }

        Assert.Equal(new(0, 0, 0, 1), Broker.GetCounts("orders"));
        await using var deadLetters = Client.CreateReceiver("orders", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var deadLettered = await ReceiveOneAsync(deadLetters);
        Assert.Equal("m-1", deadLettered.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", deadLettered.DeadLetterReason);
    }
}
