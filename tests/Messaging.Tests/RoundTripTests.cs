using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class RoundTripTests : BrokerTestBase
{
    [Fact]
    public async Task Send_ThenReceive_RoundTripsPropertiesSubjectCorrelationIdAndBody()
    {
        Broker.CreateQueue("orders");
        byte[] body = [0, 1, 2, 250, 255];
        var when = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(1));
        var sent = new ServiceBusMessage(body)
        {
            MessageId = "m-1",
            Subject = "order-created",
            CorrelationId = "corr-7",
            ContentType = "application/octet-stream",
            ReplyTo = "replies",
            TimeToLive = TimeSpan.FromMinutes(5),
            ApplicationProperties = { ["tenant"] = "northwind", ["count"] = 42, ["big"] = 1L << 40, ["urgent"] = true, ["when"] = when },
        };

        await SendAsync("orders", sent);
        await using var receiver = Client.CreateReceiver("orders");
        var received = await ReceiveOneAsync(receiver);

        Assert.Equal(body, received.Body.ToArray());
        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("order-created", received.Subject);
        Assert.Equal("corr-7", received.CorrelationId);
        Assert.Equal("application/octet-stream", received.ContentType);
        Assert.Equal("replies", received.ReplyTo);
        Assert.Equal(TimeSpan.FromMinutes(5), received.TimeToLive);
        Assert.Equal("northwind", received.ApplicationProperties["tenant"]);
        Assert.Equal(42, received.ApplicationProperties["count"]);
        Assert.Equal(1L << 40, received.ApplicationProperties["big"]);
        Assert.Equal(true, received.ApplicationProperties["urgent"]);
        Assert.Equal(when, received.ApplicationProperties["when"]);
    }

    [Fact]
    public async Task SendBatch_EnqueuesEveryMessageOfTheBatch()
    {
        Broker.CreateQueue("orders");
        await using var sender = Client.CreateSender("orders");
        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"item-{i}") { MessageId = $"m-{i}" }));
        }

        await sender.SendMessagesAsync(batch);

        Assert.Equal(5, Broker.GetCounts("orders").Available);
    }

    [Fact]
    public async Task SendToUnknownQueue_ThrowsMessagingEntityNotFound()
    {
        await using var sender = Client.CreateSender("missing");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("lost")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }
}
