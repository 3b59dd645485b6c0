using BackOffice.Core.Coordination;

namespace BackOffice.Workers;

/// <summary>
/// Lets one worker instance at a time run a kind of pass: the instance holding the lease renews it each pass for two
/// intervals, so it keeps it while it lives, and another instance takes over at most two intervals after it dies.
/// </summary>
internal sealed class ExclusiveWork(IWorkLeases leases, WorkerInstance instance, TimeProvider time)
{
    public async Task<bool> TryTakeAsync(string work, TimeSpan interval, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await leases.TryAcquireAsync(work, instance.Id, now, now + interval * 2, ct);
    }

    public Task GiveUpAsync(string work) => leases.ReleaseAsync(work, instance.Id, CancellationToken.None);
}
