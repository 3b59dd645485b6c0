using System.Text;

namespace BackOffice.Benchmarks.Messaging;

/// <summary>
/// The two event transports side by side: the in-process bus (the relay runs the handlers itself) and Service Bus (the relay
/// publishes, a peek-lock processor in the workers runs them). A warm-up of each, then three rounds alternating between them.
/// </summary>
internal static class TransportBenchmark
{
    private const int Messages = 20_000, Singles = 1_000;

    public static async Task RunAsync()
    {
        var payloadBytes = Encoding.UTF8.GetByteCount(SubmittedEvents.Create(1)[0].Payload);
        Console.WriteLine($"transport: {Messages:N0} work-item.submitted events ({payloadBytes}-byte JSON payload, as the outbox writes them) published "
            + $"{TransportRound.PublishBatch} in flight at a time (a relay batch), then {Singles:N0} one at a time; the only handler records a "
            + "timestamp and nothing else, so the figures are the transport's own cost; latency under load includes the wait behind "
            + "the backlog whenever consume is slower than publish");
        await using var inProcess = await TransportUnderTest.InProcessAsync();
        await using var serviceBus = await TransportUnderTest.ServiceBusAsync();
        var transports = new[] { inProcess, serviceBus };

        var warmUp = new List<string>();
        foreach (var transport in transports) warmUp.Add($"{transport.Name} {Describe(await TransportRound.RunAsync(transport, Messages, Singles))}");
        Console.WriteLine($"transport warm-up (not counted): {string.Join("; ", warmUp)}");

        var runs = transports.ToDictionary(t => t, _ => new List<TransportFigures>());
        for (var run = 0; run < 3; run++)
        {
            foreach (var transport in transports) runs[transport].Add(await TransportRound.RunAsync(transport, Messages, Singles));
            Console.WriteLine($"transport run {run + 1}: {string.Join("; ", transports.Select(t => $"{t.Name} {Describe(runs[t][^1])}"))}");
        }

        var (local, bus) = (Median(runs[inProcess]), Median(runs[serviceBus]));
        Console.WriteLine($"TRANSPORT ({Messages:N0} events, medians of 3, recording handler only): in-process {Describe(local)}; "
            + $"Service Bus (test broker over AMQP on loopback, real SDK, {Environment.ProcessorCount} cores shared by relay, broker and consumer) {Describe(bus)}; "
            + $"in-process/Service Bus: publish {local.PublishPerSecond / bus.PublishPerSecond:F0}x, consume {local.ConsumePerSecond / bus.ConsumePerSecond:F0}x; "
            + $"Service Bus/in-process one-at-a-time p50 {bus.SingleP50Ms / local.SingleP50Ms:F0}x");
    }

    private static string Describe(TransportFigures f) =>
        $"publish {f.PublishPerSecond:N0}/s, consume {f.ConsumePerSecond:N0}/s, e2e p50 {Ms(f.LoadedP50Ms)} ms p99 {Ms(f.LoadedP99Ms)} ms under load, "
        + $"p50 {Ms(f.SingleP50Ms)} ms p99 {Ms(f.SingleP99Ms)} ms one at a time" + (f.Redelivered > 0 ? $", {f.Redelivered} redelivered" : "");

    private static string Ms(double ms) => ms < 1 ? ms.ToString("F3") : ms.ToString("F1");

    private static TransportFigures Median(List<TransportFigures> runs) => new(
        Median(runs.Select(r => r.PublishPerSecond)), Median(runs.Select(r => r.ConsumePerSecond)),
        Median(runs.Select(r => r.LoadedP50Ms)), Median(runs.Select(r => r.LoadedP99Ms)),
        Median(runs.Select(r => r.SingleP50Ms)), Median(runs.Select(r => r.SingleP99Ms)), runs.Max(r => r.Redelivered));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
