using System.Diagnostics;
using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class LinkLifecycleTests : BrokerTestBase
{
    [Fact]
    public async Task CloseReceiver_WithOutstandingCredit_CompletesTheDrainPromptly()
    {
        Broker.CreateQueue("orders");
        var receiver = Client.CreateReceiver("orders");
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(200))); // leaves one credit outstanding

        var stopwatch = Stopwatch.StartNew();
        await receiver.CloseAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"CloseAsync took {stopwatch.Elapsed}; an unanswered drain takes the full try timeout.");
    }

    [Fact]
    public async Task CloseReceiver_WithUnsettledMessage_KeepsItLockedUntilTheLockExpires()
    {
        Broker.CreateQueue("orders", lockDuration: TimeSpan.FromSeconds(1));
        await SendAsync("orders", new ServiceBusMessage("unsettled"));
        var first = Client.CreateReceiver("orders");
        Assert.Equal(1, (await ReceiveOneAsync(first)).DeliveryCount);

        await first.CloseAsync();
        await using var second = Client.CreateReceiver("orders");
        var redelivered = await ReceiveOneAsync(second);

        Assert.Equal(2, redelivered.DeliveryCount); // an expired lock counts as a delivery, a release would not
    }

    [Fact]
    public async Task SessionReceiver_IsRefused_BecauseSessionsAreNotSupported()
    {
        Broker.CreateQueue("orders");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Client.AcceptSessionAsync("orders", "session-1"));

        Assert.Contains("does not support sessions", error.Message);
    }
}
