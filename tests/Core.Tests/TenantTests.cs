using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests;

public sealed class TenantTests
{
    private static readonly Actor Admin = new("a", "Ada", new HashSet<string> { Roles.PlatformAdmin }, "p");
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static Tenant Onboarded() => Tenant.Onboard(new NewTenant("acme", "Acme", [ServiceLine.Hr], "UTC", ["d"]), Admin, Now);

    [Theory]
    [InlineData(TenantStatus.Active, true)]
    [InlineData(TenantStatus.Suspended, false)]
    [InlineData(TenantStatus.Offboarded, true)]
    public void ChangeStatus_FromOnboarding_FollowsTheLifecycle(TenantStatus to, bool allowed)
    {
        var tenant = Onboarded();

        var change = () => tenant.ChangeStatus(to, Admin, Now);

        if (allowed) { change(); Assert.Equal(to, tenant.Status); }
        else Assert.Throws<ConflictException>(change);
    }

    [Fact]
    public void Offboarded_IsFinal()
    {
        var tenant = Onboarded();
        tenant.ChangeStatus(TenantStatus.Offboarded, Admin, Now);

        Assert.Throws<ConflictException>(() => tenant.ChangeStatus(TenantStatus.Active, Admin, Now));
        Assert.False(tenant.AcceptsNewWork);
    }
}
