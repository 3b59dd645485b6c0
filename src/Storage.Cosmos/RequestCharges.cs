using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BackOffice.Storage.Cosmos;

/// <summary>
/// The request units every store operation costs, from the SDK's <c>RequestCharge</c>: a histogram per operation on the
/// platform's meter (exported with the rest of its telemetry) and running totals the benchmark reads.
/// </summary>
public sealed class RequestCharges
{
    private static readonly Meter Meter = new("BackOffice.Cosmos");
    private static readonly Histogram<double> Charge = Meter.CreateHistogram<double>("backoffice.cosmos.request_charge", "RU",
        "Request units one Cosmos DB call cost, by store operation");

    private readonly ConcurrentDictionary<string, Total> _totals = new(StringComparer.Ordinal);

    public sealed class Total
    {
        private long _calls;
        private long _milliUnits;

        public long Calls => Interlocked.Read(ref _calls);

        public double Units => Interlocked.Read(ref _milliUnits) / 1000.0;

        internal void Add(double units)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _milliUnits, (long)Math.Round(units * 1000));
        }
    }

    public void Record(string operation, double units)
    {
        Charge.Record(units, new KeyValuePair<string, object?>("operation", operation));
        _totals.GetOrAdd(operation, _ => new Total()).Add(units);
    }

    /// <summary>Calls and request units so far, by operation.</summary>
    public IReadOnlyDictionary<string, Total> Totals => _totals;

    public double TotalUnits => _totals.Values.Sum(t => t.Units);

    public void Reset() => _totals.Clear();
}
