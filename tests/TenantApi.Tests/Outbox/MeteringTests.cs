using System.Net;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Outbox;

/// <summary>The whole platform in one process: resolved work is metered with the resolution, once (the outbox adds none), in the tenant's month.</summary>
public sealed class MeteringTests : IAsyncLifetime
{
    private readonly HostFactory<AllRoles> _platform = new("Development", new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false", ["Outbox:PollInterval"] = "00:00:00.050",
    });

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task AResolvedItem_IsRecordedWithItsResolution_Once_AsOneUnitOfItsMeter_UnderItsResolution()
    {
        var item = await Api.SubmitAsync(_platform.ClientAs(TestUser.AcmeClient), "acme", "Metered work");
        var agent = _platform.ClientAs(TestUser.Agent);
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        var tenant = await _platform.Services.GetRequiredService<ITenantStore>().FindAsync("acme", default);
        var period = BillingPeriod.Of(DateTimeOffset.UtcNow, tenant!.TimeZone);
        Assert.Equal(HttpStatusCode.OK, (await Api.ResolveAsync(agent, $"/api/tenants/acme/work-items/{item["id"]}", claim)).StatusCode);

        var ledger = _platform.Services.GetRequiredService<IUsageLedger>();
        var filter = new UsageFilter(period, ItemId: Guid.Parse((string)item["id"]!));
        async Task<IReadOnlyList<UsageEntry>> ListAsync() => (await ledger.ListAsync(TenantScope.ForWorker("acme"), filter, 10, null, default)).Items;
        var recorded = Assert.Single(await ListAsync());
        var outbox = _platform.Services.GetRequiredService<Core.Events.IOutbox>();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); await outbox.CountUndeliveredAsync(default) > 0 && DateTime.UtcNow < deadline;) await Task.Delay(50);

        var entry = Assert.Single(await ListAsync());
        Assert.Equal(recorded.Id, entry.Id);
        Assert.Equal((Meter.GeneralWork, 1m, (Priority?)Priority.P3, UsageKind.Work), (entry.Meter, entry.Quantity, entry.Priority, entry.Kind));
        Assert.NotNull(entry.SourceEventId);
    }
}
