namespace BackOffice.Core.Coordination;

/// <summary>
/// Work only one worker instance may do at a time (an SLA monitor pass, sweeping lapsed claims, auto-close, billing and
/// dunning passes), held by a lease in the store. The store is the one thing every instance shares on every transport and
/// on the embedded default, and a lease that lapses frees itself when its holder dies, so no instance waits on a dead one.
/// </summary>
public interface IWorkLeases
{
    /// <summary>
    /// Takes the lease on <paramref name="name"/> for <paramref name="holder"/> until <paramref name="until"/>, or renews it when
    /// the holder has it already; true when the holder has it now. False while another holder's lease runs past <paramref name="now"/>.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>Gives the lease up, if <paramref name="holder"/> has it, so another instance need not wait for it to lapse.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken ct);
}

/// <summary>This process among the worker instances: the holder name its leases carry.</summary>
public sealed record WorkerInstance(string Id)
{
    public static WorkerInstance ForThisProcess() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
