using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class SlaAlertStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    private static SlaAlert Alert(string tenant, int minute, int percent = 50, string queue = "hr") =>
        new(Guid.NewGuid(), tenant, Guid.NewGuid(), $"Item {minute}", queue, SlaClockKind.Resolution, percent, Build.Now.AddMinutes(minute),
            Build.Now.AddMinutes(minute + (percent < 100 ? 90 : 0)), Build.Now.AddMinutes(minute).AddSeconds(7), "Europe/Berlin");

    [StoreFact]
    public async Task Add_TheSameAlertTwice_KeepsOne()
    {
        await using var stores = await adapter.CreateAsync();
        var alert = Alert("acme", 1);

        await stores.Alerts.AddAsync(Acme, alert, default);
        await stores.Alerts.AddAsync(Acme, alert, default);

        Assert.Equal(alert, Assert.Single((await stores.Alerts.ListAsync(Acme, new SlaAlertFilter(), 10, null, default)).Items));
    }

    [StoreFact]
    public async Task Add_ForAnotherTenant_Throws()
    {
        await using var stores = await adapter.CreateAsync();

        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Alerts.AddAsync(Acme, Alert("globex", 1), default));
    }

    [StoreFact]
    public async Task List_KeepsToItsTenant_WhileListAll_PagesEveryTenantNewestFirst()
    {
        await using var stores = await adapter.CreateAsync();
        var acme = Enumerable.Range(0, 3).Select(i => Alert("acme", i)).ToList();
        var globex = Alert("globex", 10);
        foreach (var alert in acme) await stores.Alerts.AddAsync(Acme, alert, default);
        await stores.Alerts.AddAsync(Globex, globex, default);

        var own = await stores.Alerts.ListAsync(Acme, new SlaAlertFilter(), 10, null, default);
        var first = await stores.Alerts.ListAllAsync(new SlaAlertFilter(), 2, null, default);
        var second = await stores.Alerts.ListAllAsync(new SlaAlertFilter(), 2, first.NextCursor, default);

        Assert.Equal(acme.AsEnumerable().Reverse(), own.Items);
        Assert.Equal(acme.Prepend(globex).OrderByDescending(a => a.FiredAt), first.Items.Concat(second.Items));
        Assert.Null(second.NextCursor);
    }

    [StoreFact]
    public async Task Filters_SelectQueueBreachesAndUnacknowledged()
    {
        await using var stores = await adapter.CreateAsync();
        var (warning, breach, billing) = (Alert("acme", 1), Alert("acme", 2, 100), Alert("acme", 3, queue: "billing"));
        foreach (var alert in new[] { warning, breach, billing }) await stores.Alerts.AddAsync(Acme, alert, default);
        await stores.Alerts.AcknowledgeAsync(warning.Id, "Sue", Build.Now, default);

        var breaches = await stores.Alerts.ListAsync(Acme, new SlaAlertFilter(BreachesOnly: true), 10, null, default);
        var hrOpen = await stores.Alerts.ListAllAsync(new SlaAlertFilter("hr", UnacknowledgedOnly: true), 10, null, default);

        Assert.Equal([breach], breaches.Items);
        Assert.Equal([breach], hrOpen.Items);
    }

    [StoreFact]
    public async Task Acknowledge_KeepsTheFirstAcknowledgement_AndIsNullForAnUnknownAlert()
    {
        await using var stores = await adapter.CreateAsync();
        var alert = Alert("acme", 1);
        await stores.Alerts.AddAsync(Acme, alert, default);

        var first = await stores.Alerts.AcknowledgeAsync(alert.Id, "Sue", Build.Now, default);
        var second = await stores.Alerts.AcknowledgeAsync(alert.Id, "Sam", Build.Now.AddMinutes(5), default);

        Assert.Equal(alert with { AcknowledgedAt = Build.Now, AcknowledgedBy = "Sue" }, first);
        Assert.Equal(first, second);
        Assert.Null(await stores.Alerts.AcknowledgeAsync(Guid.NewGuid(), "Sue", Build.Now, default));
    }
}
