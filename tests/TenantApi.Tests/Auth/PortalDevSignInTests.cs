using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Auth;

public sealed class PortalDevSignInTests
{
    [Theory]
    [InlineData("/dev/sign-in")]
    [InlineData("/dev/sign-in/nora-northwind")]
    public async Task OutsideDevelopment_DevSignInDoesNotExist(string path)
    {
        using var production = new HostFactory<PortalRole>("Production", new Dictionary<string, string?>
        {
            ["Auth:DevSigningKey"] = "local-development-signing-key-change-me-0123456789",
        });

        var response = await production.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task InDevelopment_DevSignInListsTheDemoUsers()
    {
        using var development = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var page = await development.CreateClient().GetStringAsync("/dev/sign-in");

        Assert.Contains("Nora (Northwind admin)", page);
    }
}
