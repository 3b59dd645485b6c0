using System.Reflection;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tests.Notifications;
using BackOffice.Core.WorkItems;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Core.Tests.Sla;

public sealed class RecentSlaReportTests
{
    /// <summary>A store that only lists (an empty page) and counts how often it was asked.</summary>
    public class CountingItems : DispatchProxy
    {
        public int Lists;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name != nameof(IWorkItemStore.ListAsync)) throw new NotSupportedException(method.Name);
            Interlocked.Increment(ref Lists);
            return Task.FromResult(new Page<WorkItem>([], null));
        }
    }

    private sealed class NoSlaVersions : ISlaSettingsStore
    {
        public Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct) => Task.FromResult<SlaSettings?>(null);
        public Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct) => Task.CompletedTask;
    }

    private static readonly Actor Admin = new("p", "Pat", new HashSet<string> { Roles.PlatformAdmin }, "prov");
    private static readonly Actor NoraAdmin = new("nora", "Nora", new HashSet<string> { Roles.ClientAdmin }, "dir-acme");
    private static readonly Actor NedUser = new("ned", "Ned", new HashSet<string> { Roles.ClientUser }, "dir-acme");
    private static readonly Actor CaraOther = new("cara", "Cara", new HashSet<string> { Roles.ClientAdmin }, "dir-other");

    [Fact]
    public async Task RecentMonth_IsSharedForThirtySeconds_ButEveryCallerIsCheckedEachTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var acme = Tenant.Onboard(new NewTenant("acme", "Acme", [ServiceLine.Hr], "Europe/London", ["dir-acme"]), Admin, time.GetUtcNow().AddDays(-10));
        acme.ChangeStatus(TenantStatus.Active, Admin, time.GetUtcNow().AddDays(-10));
        var items = DispatchProxy.Create<IWorkItemStore, CountingItems>();
        var counter = (CountingItems)(object)items;
        var report = new ReportSla(new TenantAccess(new FakeTenants(acme)), items, new SlaSettingsSource(new NoSlaVersions()), time);

        await report.RecentMonthAsync(NoraAdmin, "acme", "2026-12", default);
        await report.RecentMonthAsync(Admin, "acme", "2026-12", default);
        var shared = counter.Lists;
        await Assert.ThrowsAsync<ForbiddenException>(() => report.RecentMonthAsync(NedUser, "acme", "2026-12", default));
        await Assert.ThrowsAsync<NotFoundException>(() => report.RecentMonthAsync(CaraOther, "acme", "2026-12", default));
        time.Advance(ReportSla.DashboardFreshness);
        await report.RecentMonthAsync(NoraAdmin, "acme", "2026-12", default);

        Assert.Equal((1, 2), (shared, counter.Lists));
    }
}
