using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.DemoData;

/// <summary>The demo seed does work the way agents do: typed work with payloads and checklists, resolved onto the tenants' records.</summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private static readonly TestUser Nora = new("nora-northwind", "Nora", [Core.Common.Roles.ClientAdmin], "a1a1a1a1-0000-4000-8000-000000000001");
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task TheDemoTenant_HasTypedWorkWithChecklists_AndTheRecordsItsResolvedWorkMade()
    {
        var client = _platform.ClientAs(Nora);

        var items = (await Api.GetJsonAsync(client, "/api/tenants/northwind/work-items?pageSize=100"))["items"]!.AsArray();
        // The billing demo's earlier months were resolved straight into the history, not by an agent, so they made no employee:
        // the closer closes them (resolved over 5 days ago), leaving the agents' resolved hires of today.
        var resolvedHires = await _platform.AdvanceUntilAsync(
            async () => (await Api.GetJsonAsync(client, "/api/tenants/northwind/work-items?status=resolved&type=new-hire&pageSize=100"))["items"]!.AsArray(),
            hires => hires.All(h => DateTimeOffset.Parse((string)h!["updatedAt"]!, System.Globalization.CultureInfo.InvariantCulture) > _platform.Clock.GetUtcNow().AddDays(-5)));
        var employees = (await Api.GetJsonAsync(client, "/api/tenants/northwind/employees?pageSize=100"))["items"]!.AsArray();
        var invoices = (await Api.GetJsonAsync(client, "/api/tenants/northwind/invoices"))["items"]!.AsArray();
        var orders = (await Api.GetJsonAsync(client, "/api/tenants/northwind/orders?pageSize=2"))["items"]!;
        var stock = (await Api.GetJsonAsync(client, "/api/tenants/northwind/inventory"))["items"]!.AsArray();
        var openHire = items.First(i => (string)i!["type"]! == "new-hire" && (string)i["status"]! == "new")!;
        var detail = await Api.GetJsonAsync(client, $"/api/tenants/northwind/work-items/{openHire["id"]}");

        Assert.Contains(items, i => (string)i!["type"]! == "general");
        Assert.NotEmpty(resolvedHires);
        Assert.Equal(resolvedHires.Count, employees.Count);
        Assert.NotEmpty(invoices);
        Assert.Equal(2, orders.AsArray().Count);
        Assert.Equal(["BAG-2", "CAP-1", "MUG-1", "TEE-M"], stock.Select(s => (string)s!["sku"]!));
        Assert.False(string.IsNullOrEmpty((string)detail["payload"]!["fullName"]!));
        Assert.NotEmpty(detail["checklist"]!.AsArray());
    }
}
