using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Tenants apart: a scope sees and writes only its own tenant; a billing run reads every tenant's totals as a stream.</summary>
public abstract partial class UsageLedgerContract
{
    [StoreFact]
    public async Task AnotherTenantsScope_SeesNothing_AndRecordsOnlyIntoItsOwnTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var usage = Work(Nov);
        await stores.Usage.RecordAsync(Acme, usage, default);
        await stores.Usage.ClosePeriodAsync(Acme, Nov.Next(), Guid.NewGuid(), Build.Now, default);

        Assert.Empty(await stores.Usage.TotalsAsync(Globex, Nov, default));
        Assert.Empty((await stores.Usage.ListAsync(Globex, new UsageFilter(Nov), 10, null, default)).Items);
        Assert.False(await stores.Usage.IsClosedAsync(Globex, Nov.Next(), default));
        Assert.Null(await stores.Usage.RecordAsync(Globex, usage with { Id = Guid.NewGuid() }, default));
        var own = await stores.Usage.RecordAsync(Globex, Work(Nov, quantity: 5), default);

        Assert.Equal("globex", own!.TenantId);
        Assert.Equal(1m, await SumAsync(stores, Acme, Nov));
        Assert.Equal(5m, await SumAsync(stores, Globex, Nov));
        Assert.All((await stores.Usage.ListAsync(Globex, new UsageFilter(Nov), 10, null, default)).Items, e => Assert.Equal("globex", e.TenantId));
    }

    [StoreFact]
    public async Task TotalsForAll_StreamsEveryTenantsTotals_OneTenantAfterAnother()
    {
        await using var stores = await adapter.CreateAsync();
        foreach (var tenant in new[] { "globex", "acme", "initech" })
        {
            var scope = TenantScope.ForWorker(tenant);
            await stores.Usage.RecordAsync(scope, Work(Nov, Meter.Hire, 2), default);
            await stores.Usage.RecordAsync(scope, Work(Nov, Meter.Hire, 0.25m), default);
            await stores.Usage.RecordAsync(scope, Work(Nov, Meter.Leaver, 1, Priority.P1), default);
            await stores.Usage.RecordAsync(scope, Work(Nov.Next(), Meter.Leaver, 7), default);
        }

        var rows = new List<(string TenantId, MeterTotal Total)>();
        await foreach (var row in stores.Usage.TotalsForAllAsync(Nov, default)) rows.Add(row);

        Assert.Equal(["acme", "acme", "globex", "globex", "initech", "initech"], rows.Select(r => r.TenantId));
        Assert.All(rows.Where(r => r.Total.Meter == Meter.Hire), r => Assert.Equal(new MeterTotal(Meter.Hire, Priority.P3, false, 2.25m), r.Total));
        Assert.All(rows.Where(r => r.Total.Meter == Meter.Leaver), r => Assert.Equal(new MeterTotal(Meter.Leaver, Priority.P1, false, 1m), r.Total));
    }
}
