using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.ServiceDefaults.Auth;

public sealed record DevTokenRequest(string? Subject, string? Name, IReadOnlyList<string>? Roles, string? TenantId);

/// <summary>Mints Entra-shaped access tokens with the local key; exists only where <see cref="IsEnabled"/>.</summary>
public sealed class DevTokens(IOptions<PlatformAuthOptions> options, IHostEnvironment environment, TimeProvider time)
{
    private readonly PlatformAuthOptions _options = options.Value;

    public bool IsEnabled => IsEnabledFor(environment, _options);

    public static bool IsEnabledFor(IHostEnvironment environment, PlatformAuthOptions options) =>
        environment.IsDevelopment() && options.DevSigningKey is { Length: >= 32 };

    public static SymmetricSecurityKey SigningKey(PlatformAuthOptions options) => new(Encoding.UTF8.GetBytes(options.DevSigningKey!));

    public string Mint(string subject, string name, IEnumerable<string> roles, string directoryId, TimeSpan? lifetime = null)
    {
        if (!IsEnabled) throw new InvalidOperationException("Local tokens exist only in Development with Auth:DevSigningKey set.");
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = subject, ["sub"] = subject, ["name"] = name, ["tid"] = directoryId, ["ver"] = "2.0", ["roles"] = roles.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.DevIssuer, Audience = _options.Audience, Claims = claims, IssuedAt = now, NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(SigningKey(_options), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims a validated token of these values would carry, for the Portal's cookie sign-in.</summary>
    public static ClaimsPrincipal Principal(string subject, string name, IEnumerable<string> roles, string directoryId, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimConstants.ObjectId, subject), new("name", name), new(ClaimConstants.TenantId, directoryId),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, "name", ClaimTypes.Role));
    }
}
