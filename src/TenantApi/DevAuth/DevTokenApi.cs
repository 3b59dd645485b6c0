using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.DevAuth;

public sealed record DevTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>POST /dev/token: an Entra-shaped token signed with the local key. Mapped only in Development with a key.</summary>
public static class DevTokenApi
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<DevTokens>().IsEnabled) return app;
        app.MapPost("/dev/token", Mint).WithTags("Development").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Ok<DevTokenResponse> Mint(DevTokenRequest request, DevTokens tokens)
    {
        var errors = new FieldErrors();
        var subject = errors.Required("subject", request.Subject, 128);
        var directory = errors.Required("tenantId", request.TenantId, 64);
        if (directory is not null && !Guid.TryParse(directory, out _)) errors.Add("tenantId", "'tenantId' is the Entra tenant id (a GUID) the user signs in from.");
        if (request.Roles is null || request.Roles.Count == 0) errors.Add("roles", "'roles' needs at least one app role.");
        else foreach (var role in request.Roles.Where(r => !Roles.All.Contains(r)))
            errors.Add("roles", $"'{role}' is not an app role; use one of: {string.Join(", ", Roles.All)}.");
        errors.ThrowIfAny();
        var token = tokens.Mint(subject!, request.Name ?? subject!, request.Roles!, directory!, Lifetime);
        return TypedResults.Ok(new DevTokenResponse(token, "Bearer", (int)Lifetime.TotalSeconds));
    }
}
