using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.SignIn;

public static class SignInEndpoints
{
    public const string DevSignInPath = "/dev/sign-in";

    /// <summary>Sign-in and sign-out (a POST with an antiforgery token); the dev sign-in as a demo user exists only in Development with a local key.</summary>
    public static WebApplication MapSignIn(this WebApplication app)
    {
        var dev = app.Services.GetRequiredService<DevTokens>().IsEnabled;
        app.MapGet("/sign-in", (string? returnUrl) => dev
            ? Results.Redirect($"{DevSignInPath}?returnUrl={Uri.EscapeDataString(ReturnUrls.LocalOrHome(returnUrl))}")
            : Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrls.LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        // A GET would let any page sign the user out with an image tag.
        app.MapPost("/sign-out", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
        if (dev) app.MapGet($"{DevSignInPath}/{{subject}}", DevSignInAsync);
        return app;
    }

    private static async Task<IResult> DevSignInAsync(string subject, string? returnUrl, HttpContext http, IOptions<PlatformAuthOptions> options)
    {
        var user = DemoDirectory.Users.FirstOrDefault(u => u.Subject == subject);
        if (user is null) return Results.NotFound();
        var principal = DevTokens.Principal(user.Subject, user.Name, [user.Role], user.DirectoryId ?? options.Value.ProviderDirectoryId, "DevSignIn");
        // An address as Entra gives one, so the demo's notification e-mails have somewhere to go.
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new("email", $"{user.Subject}@{user.TenantId ?? "provider"}.example"));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(ReturnUrls.LocalOrHome(returnUrl));
    }
}
