using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.Benchmarks.Http;

/// <summary>
/// The host in its production configuration (environment Production, its appsettings.json logging, Identity.Web's JWT
/// validation of every request) on a real loopback socket. Only Entra ID itself is replaced: the bearer scheme's metadata
/// is a static OpenID configuration holding this benchmark's RSA signing key, so tokens are validated in full (signature,
/// issuer, audience, lifetime) without a call to login.microsoftonline.com.
/// </summary>
internal sealed class ProductionApiServer : WebApplicationFactory<BackOffice.Host.PlatformOptions>
{
    public const string ProviderDirectory = "11111111-1111-1111-1111-111111111111";
    private const string Audience = "api://backoffice";

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "bench" };

    public ProductionApiServer(string folder, IReadOnlyDictionary<string, string> settings)
    {
        (_folder, _settings) = (folder, settings);
        UseKestrel(0);
        StartServer();
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    private static string Issuer(string directory) => $"https://login.microsoftonline.com/{directory}/v2.0";

    public string Mint(string subject, string role, string directory) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer(directory), Audience = Audience, Expires = DateTime.UtcNow.AddHours(4),
        Claims = new Dictionary<string, object>
        {
            ["oid"] = subject, ["sub"] = subject, ["name"] = subject, ["tid"] = directory, ["ver"] = "2.0", ["roles"] = new[] { role },
        },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Path.GetFullPath(Path.Combine("src", "Host")));
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Sqlite:DataFolder", _folder);
        builder.UseSetting("Auth:ProviderDirectoryId", ProviderDirectory);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            bearer.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration());
            var parameters = bearer.TokenValidationParameters;
            parameters.AudienceValidator = null;
            // Entra's issuer names the directory: any directory's v2.0 issuer, as Identity.Web's multi-tenant validator allows.
            parameters.IssuerValidator = (issuer, _, _) =>
                issuer.StartsWith("https://login.microsoftonline.com/", StringComparison.Ordinal) && issuer.EndsWith("/v2.0", StringComparison.Ordinal)
                    ? issuer : throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not Entra's.");
            parameters.ValidAudience = Audience;
            parameters.ValidAudiences = [Audience];
            parameters.IssuerSigningKey = _key;
            parameters.IssuerSigningKeys = [_key];
        }));
    }
}
