using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.TenantApi.Tests.Infrastructure;

/// <summary>
/// The whole platform (API and workers in one host) on a fake clock: time moves only when a test advances it, and the
/// workers' timers tick as it does.
/// </summary>
public sealed class FakeClockPlatform(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    : HostFactory<AllRoles>("Development", Settings(settings))
{
    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "false", ["SlaMonitor:Interval"] = "00:01:00", ["Outbox:PollInterval"] = "00:01:00",
            ["Queues:SweepInterval"] = "00:01:00", ["Webhooks:Interval"] = "00:01:00", ["Closing:Interval"] = "00:01:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public FakeTimeProvider Clock { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the clock a minute (the workers' interval) at a time, letting the workers run, until <paramref name="done"/> holds (or 20 s pass).</summary>
    public async Task<T> AdvanceUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }
}
