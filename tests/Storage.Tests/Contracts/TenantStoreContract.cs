using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class TenantStoreContract(IStoreAdapter adapter)
{
    [StoreFact]
    public async Task Add_ThenFind_ReturnsTheSameTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var tenant = Build.Tenant("acme");
        await stores.Tenants.AddAsync(tenant, default);

        var found = await stores.Tenants.FindAsync("acme", default);

        Assert.NotNull(found);
        Assert.Equal((tenant.DisplayName, tenant.Status, tenant.TimeZone, tenant.Version, tenant.CreatedAt), (found.DisplayName, found.Status, found.TimeZone, found.Version, found.CreatedAt));
        Assert.Equal(tenant.ServiceLines, found.ServiceLines);
        Assert.Equal(tenant.DirectoryIds, found.DirectoryIds);
    }

    [StoreFact]
    public async Task Add_WithTakenIdOrDirectory_ThrowsConflictAndKeepsTheFirst()
    {
        await using var stores = await adapter.CreateAsync();
        var directory = Guid.NewGuid().ToString("D");
        await stores.Tenants.AddAsync(Build.Tenant("acme", directory), default);

        await Assert.ThrowsAsync<ConflictException>(() => stores.Tenants.AddAsync(Build.Tenant("acme"), default));
        await Assert.ThrowsAsync<ConflictException>(() => stores.Tenants.AddAsync(Build.Tenant("globex", directory), default));

        Assert.Null(await stores.Tenants.FindAsync("globex", default));
        Assert.Equal("acme", (await stores.Tenants.FindByDirectoryAsync(directory, default))?.Id);
    }

    [StoreFact]
    public async Task FindByDirectory_WithUnknownDirectory_ReturnsNull()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);

        Assert.Null(await stores.Tenants.FindByDirectoryAsync(Guid.NewGuid().ToString("D"), default));
    }

    [StoreFact]
    public async Task List_PagesThroughEveryTenantInIdOrder()
    {
        await using var stores = await adapter.CreateAsync();
        var ids = Enumerable.Range(0, 7).Select(i => $"tenant-{i:00}").ToList();
        foreach (var id in ids.AsEnumerable().Reverse()) await stores.Tenants.AddAsync(Build.Tenant(id), default);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await stores.Tenants.ListAsync(3, cursor, default);
            seen.AddRange(page.Items.Select(t => t.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(ids, seen);
    }

    [StoreFact]
    public async Task Update_WithStaleVersion_ThrowsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);
        var first = (await stores.Tenants.FindAsync("acme", default))!;
        var second = (await stores.Tenants.FindAsync("acme", default))!;
        first.ChangeStatus(TenantStatus.Active, Build.Admin, Build.Now);
        await stores.Tenants.UpdateAsync(first, 1, default);

        second.ChangeStatus(TenantStatus.Offboarded, Build.Admin, Build.Now);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Tenants.UpdateAsync(second, 1, default));

        var stored = (await stores.Tenants.FindAsync("acme", default))!;
        Assert.Equal((TenantStatus.Active, 2L), (stored.Status, stored.Version));
    }

    [StoreFact]
    public async Task AddAndUpdate_WriteTheirEventsToTheOutbox()
    {
        await using var stores = await adapter.CreateAsync();
        var tenant = Build.Tenant("acme");
        await stores.Tenants.AddAsync(tenant, default);
        tenant.ChangeStatus(TenantStatus.Active, Build.Admin, Build.Now);
        await stores.Tenants.UpdateAsync(tenant, 1, default);

        var messages = await stores.Outbox.LeaseDueAsync(Build.Now.AddMinutes(1), TimeSpan.FromMinutes(1), 10, default);

        Assert.Equal(["tenant.status-changed", "tenant.status-changed"], messages.Select(m => m.Type));
        Assert.All(messages, m => Assert.Equal("acme", m.TenantId));
        Assert.Empty(tenant.PendingEvents);
    }

    [StoreFact]
    public async Task StatusHistory_KeepsEachChangeWithWhoAndWhy_InOrder()
    {
        await using var stores = await adapter.CreateAsync();
        var tenant = Build.Tenant("acme");
        await stores.Tenants.AddAsync(tenant, default);
        tenant.ChangeStatus(TenantStatus.Active, Build.Admin, Build.Now.AddMinutes(1), "Contract signed");
        await stores.Tenants.UpdateAsync(tenant, 1, default);
        tenant.ChangeStatus(TenantStatus.Suspended, Build.Admin, Build.Now.AddMinutes(2), "Unpaid");
        await stores.Tenants.UpdateAsync(tenant, 2, default);

        var history = await stores.Tenants.StatusHistoryAsync("acme", default);

        Assert.Equal([(TenantStatus.Onboarding, (string?)null), (TenantStatus.Active, "Contract signed"), (TenantStatus.Suspended, "Unpaid")],
            history.Select(h => (h.Status, h.Reason)));
        Assert.Equal((Build.Now.AddMinutes(2), "Ada Admin"), (history[^1].At, history[^1].ActorName));
        Assert.Empty(await stores.Tenants.StatusHistoryAsync("globex", default));
    }

    [StoreFact]
    public async Task StatusHistory_OfARefusedUpdate_KeepsNoLine()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);
        var stale = (await stores.Tenants.FindAsync("acme", default))!;
        var fresh = (await stores.Tenants.FindAsync("acme", default))!;
        fresh.ChangeStatus(TenantStatus.Active, Build.Admin, Build.Now, "Go");
        await stores.Tenants.UpdateAsync(fresh, 1, default);

        stale.ChangeStatus(TenantStatus.Offboarded, Build.Admin, Build.Now, "Stale");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Tenants.UpdateAsync(stale, 1, default));

        Assert.DoesNotContain("Stale", (await stores.Tenants.StatusHistoryAsync("acme", default)).Select(h => h.Reason));
    }
}
