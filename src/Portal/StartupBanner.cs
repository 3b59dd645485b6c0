using BackOffice.ServiceDefaults.Auth;
using BackOffice.Portal.SignIn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BackOffice.Portal;

public static class StartupBanner
{
    /// <summary>Once the server listens: where the platform is, and how to sign in.</summary>
    public static WebApplication PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
            var dev = app.Services.GetRequiredService<DevTokens>().IsEnabled;
            Console.WriteLine($"""

                BackOffice SaaS is running at {url}
                  Portal:        {url}/
                  Sign in:       {(dev ? $"{url}{SignInEndpoints.DevSignInPath} (pick any demo user)" : "Entra ID")}
                  API reference: {url}/scalar   OpenAPI: {url}/openapi/v1.json
                  Dev tokens:    {(dev ? $"POST {url}/dev/token" : "off")}

                """);
        });
        return app;
    }
}
