using BackOffice.Core.Common;

namespace BackOffice.Core.Tests;

public sealed class ActorTests
{
    private const string Provider = "11111111-1111-1111-1111-111111111111";

    [Fact]
    public void FromClaims_FromTheProviderDirectory_KeepsOnlyProviderRoles()
    {
        var actor = Actor.FromClaims("u", "U", [Roles.Agent, Roles.ClientAdmin], Provider, Provider);

        Assert.Equal([Roles.Agent], actor.Roles);
        Assert.True(actor.IsProviderStaff);
    }

    [Fact]
    public void FromClaims_FromAClientDirectory_DropsProviderRoles()
    {
        var actor = Actor.FromClaims("u", null, [Roles.PlatformAdmin, Roles.ClientUser], "c2c2c2c2-0000-4000-8000-000000000002", Provider);

        Assert.Equal([Roles.ClientUser], actor.Roles);
        Assert.True(actor.IsClient);
        Assert.Equal("u", actor.Name);
    }
}
