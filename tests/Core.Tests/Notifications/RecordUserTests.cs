using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Notifications;

public sealed class RecordUserTests
{
    private static readonly Tenant Northwind = Tenant.Restore("northwind", "Northwind", TenantStatus.Active, [ServiceLine.Hr], "Europe/London",
        ["dir-northwind"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
    private static readonly Actor Nora = new("nora", "Nora", new HashSet<string> { Roles.ClientAdmin }, "dir-northwind");
    private readonly FakeDirectory _directory = new();
    private RecordUser Record => _record ??= new RecordUser(_directory, new FakeTenants(Northwind), TimeProvider.System);
    private RecordUser? _record;

    [Fact]
    public async Task Client_IsRecordedWithTheTenantOfTheirDirectory_AndTheirEmail()
    {
        await Record.RecordAsync(Nora, "nora@northwind.example", default);

        var user = _directory.Users["nora"];
        Assert.Equal(("northwind", "nora@northwind.example", Roles.ClientAdmin), (user.TenantId, user.Email, user.Roles.Single()));
    }

    [Fact]
    public async Task SamePersonAgain_WritesOnce()
    {
        for (var i = 0; i < 5; i++) await Record.RecordAsync(Nora, "nora@northwind.example", default);

        Assert.Equal(1, _directory.Saves);
    }

    [Fact]
    public async Task ChangedName_IsWritten()
    {
        await Record.RecordAsync(Nora, "nora@northwind.example", default);
        await Record.RecordAsync(Nora with { Name = "Nora N." }, null, default);

        Assert.Equal(2, _directory.Saves);
        Assert.Equal(("Nora N.", "nora@northwind.example"), (_directory.Users["nora"].Name, _directory.Users["nora"].Email));
    }

    [Fact]
    public async Task AnotherProcessesWrite_IsNotRepeated()
    {
        await Record.RecordAsync(Nora, "nora@northwind.example", default);
        var fresh = new RecordUser(_directory, new FakeTenants(Northwind), TimeProvider.System);

        await fresh.RecordAsync(Nora, "nora@northwind.example", default);

        Assert.Equal(1, _directory.Saves);
    }

    [Fact]
    public async Task ProviderStaff_HaveNoTenant()
    {
        await Record.RecordAsync(new Actor("sam", "Sam", new HashSet<string> { Roles.Supervisor }, "provider"), "sam@provider.example", default);

        Assert.Null(_directory.Users["sam"].TenantId);
    }
}
