using System.Diagnostics;
using BackOffice.Core.Events;

namespace BackOffice.Benchmarks.Messaging;

/// <param name="PublishPerSecond">Messages through <see cref="IEventBus.PublishAsync"/> per second, first publish to last publish returned.</param>
/// <param name="ConsumePerSecond">Messages handled per second, first publish to last handler run.</param>
/// <param name="LoadedP50Ms">From just before a message's publish to its handler running, while the whole load goes through.</param>
/// <param name="SingleP50Ms">The same with one message in flight at a time: the transport's own latency, no backlog to wait behind.</param>
internal sealed record TransportFigures(double PublishPerSecond, double ConsumePerSecond, double LoadedP50Ms, double LoadedP99Ms,
    double SingleP50Ms, double SingleP99Ms, int Redelivered);

/// <summary>One measured round on one transport: a load of messages published a relay batch at a time, then messages one at a time.</summary>
internal static class TransportRound
{
    /// <summary>The outbox relay's default batch; the batch's publishes are in flight together.</summary>
    public static readonly int PublishBatch = new OutboxOptions().BatchSize;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<TransportFigures> RunAsync(TransportUnderTest transport, int messages, int singles)
    {
        var load = SubmittedEvents.Create(messages);
        var startedAt = new long[messages];
        transport.Recorder.Reset();
        var allHandled = transport.Recorder.WhenHandled(messages);
        var first = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < messages; batch += PublishBatch)
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(PublishBatch, messages - batch)).Select(i =>
            {
                startedAt[i] = Stopwatch.GetTimestamp();
                return transport.Bus.PublishAsync(load[i], default);
            }));
        var published = Stopwatch.GetElapsedTime(first).TotalSeconds;
        await allHandled.WaitAsync(Patience);
        var handledAt = load.Select(m => transport.Recorder.HandledAt(m.Id)).ToArray();
        var consumed = Stopwatch.GetElapsedTime(first, handledAt.Max()).TotalSeconds;
        var loaded = Latencies(startedAt, handledAt);
        var redelivered = transport.Recorder.Redelivered;
        await transport.SettleAsync();

        var single = await OneAtATimeAsync(transport, singles);
        await transport.SettleAsync();
        return new TransportFigures(messages / published, messages / consumed, Percentile(loaded, 0.50), Percentile(loaded, 0.99),
            Percentile(single, 0.50), Percentile(single, 0.99), redelivered);
    }

    private static async Task<double[]> OneAtATimeAsync(TransportUnderTest transport, int count)
    {
        var messages = SubmittedEvents.Create(count);
        var startedAt = new long[count];
        transport.Recorder.Reset();
        for (var i = 0; i < count; i++)
        {
            var handled = transport.Recorder.WhenHandled(i + 1);
            startedAt[i] = Stopwatch.GetTimestamp();
            await transport.Bus.PublishAsync(messages[i], default);
            await handled.WaitAsync(Patience);
        }
        return Latencies(startedAt, messages.Select(m => transport.Recorder.HandledAt(m.Id)).ToArray());
    }

    private static double[] Latencies(long[] startedAt, long[] handledAt) =>
        startedAt.Zip(handledAt, (start, end) => Stopwatch.GetElapsedTime(start, end).TotalMilliseconds).Order().ToArray();

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
