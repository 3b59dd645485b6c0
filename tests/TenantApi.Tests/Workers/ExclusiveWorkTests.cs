using BackOffice.Core.Coordination;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Workers;

/// <summary>Two worker instances over one store: the SLA monitor's passes run in the one holding the lease, and pass to the other when it stops.</summary>
public sealed class ExclusiveWorkTests
{
    private const string Monitor = "SlaMonitorService";

    private static HostFactory<WorkersRole> Worker(string folder) => new("Development", new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false", ["SlaMonitor:Interval"] = "00:00:01", ["Workers:RunOutboxDispatcher"] = "false",
    }, folder);

    /// <summary>Whether anyone holds the lease, asked with a lease that ends as it starts, so asking never keeps it from a worker.</summary>
    private static Task<bool> HeldAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        return services.GetRequiredService<IWorkLeases>().TryAcquireAsync(Monitor, "probe", now, now, default).ContinueWith(t => !t.Result);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !await condition(); await Task.Delay(100))
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Not so within 30 s.");
    }

    [Fact]
    public async Task TheMonitorRunsInTheInstanceHoldingItsLease_AndTheOtherTakesOverWhenItStops()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-exclusive-").FullName;
        var first = Worker(folder);
        var services = first.Services;
        await UntilAsync(() => HeldAsync(services));
        using var second = Worker(folder);
        var standby = second.Services;

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True(await HeldAsync(standby));
        await first.DisposeAsync();

        await UntilAsync(async () => await HeldAsync(standby));
        // Past two intervals the stopped instance's lease would have lapsed: still held means the standby renews it now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var leases = standby.GetRequiredService<IWorkLeases>();
        var now = DateTimeOffset.UtcNow;
        Assert.False(await leases.TryAcquireAsync(Monitor, "intruder", now, now.AddMinutes(1), default));
    }
}
