namespace BackOffice.ServiceDefaults.RateLimiting;

/// <summary>What a request spends: each kind has a budget of its own, so a flood of one kind leaves the others.</summary>
public enum RequestKind { Reads, Writes, Exports, Imports }

/// <summary>A token bucket: <see cref="Permits"/> requests per <see cref="Period"/>, up to <see cref="Burst"/> at once.</summary>
public sealed record RateBudget
{
    public int Permits { get; init; }

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many requests may come at once after a quiet spell; <see cref="Permits"/> when not set.</summary>
    public int? Burst { get; init; }

    public int BucketSize => Burst ?? Permits;

    public override string ToString() => $"{Permits} per {Period}";

    internal IEnumerable<string> Problems(string key)
    {
        if (Permits < 1) yield return $"{key}:Permits must be at least 1.";
        if (Period < TimeSpan.FromMilliseconds(100) || Period > TimeSpan.FromDays(1)) yield return $"{key}:Period must be between 100 ms and 1 day.";
        if (Burst < 1) yield return $"{key}:Burst must be at least 1.";
    }
}

/// <summary>A budget per kind of request; in a tenant's overrides, a kind left out keeps the default.</summary>
public sealed record RequestBudgets
{
    public RateBudget? Reads { get; init; }

    public RateBudget? Writes { get; init; }

    public RateBudget? Exports { get; init; }

    public RateBudget? Imports { get; init; }

    public RateBudget? For(RequestKind kind) => kind switch
    {
        RequestKind.Reads => Reads,
        RequestKind.Writes => Writes,
        RequestKind.Exports => Exports,
        _ => Imports,
    };
}
