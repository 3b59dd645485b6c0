using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Messaging.ServiceBus;

namespace BackOffice.Messaging.Tests;

public sealed class ProcessorTests : BrokerTestBase
{
    [Fact]
    public async Task Processor_WithFourConcurrentCalls_HandlesEveryMessageExactlyOnce_AndStopsPromptly()
    {
        const int total = 200;
        Broker.CreateQueue("orders");
        await SendInBatchesAsync(total);
        var handled = new ConcurrentDictionary<string, int>();
        var allHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new ConcurrentQueue<Exception>();
        await using var processor = Client.CreateProcessor("orders", new ServiceBusProcessorOptions { MaxConcurrentCalls = 4 });
        processor.ProcessMessageAsync += args =>
        {
            handled.AddOrUpdate(args.Message.MessageId, 1, (_, count) => count + 1);
            if (handled.Count == total)
            {
                allHandled.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Enqueue(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await allHandled.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var stopwatch = Stopwatch.StartNew();
        await processor.StopProcessingAsync();
        stopwatch.Stop();

        Assert.Empty(errors);
        Assert.Equal(total, handled.Count);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"StopProcessingAsync took {stopwatch.Elapsed}.");
        Assert.Equal(new(0, 0, 0, 0), Broker.GetCounts("orders"));
    }

    async Task SendInBatchesAsync(int total)
    {
        await using var sender = Client.CreateSender("orders");
        var pending = new Queue<ServiceBusMessage>(Enumerable.Range(0, total).Select(i => new ServiceBusMessage($"order {i}") { MessageId = $"order-{i}" }));
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync();
            while (pending.Count > 0 && batch.TryAddMessage(pending.Peek()))
            {
                pending.Dequeue();
            }

            await sender.SendMessagesAsync(batch);
        }
    }
}
