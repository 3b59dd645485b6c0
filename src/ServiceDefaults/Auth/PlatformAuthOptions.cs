using System.ComponentModel.DataAnnotations;

namespace BackOffice.ServiceDefaults.Auth;

/// <summary>Configuration section "Auth": who the provider is, and the local signing key used in Development.</summary>
public sealed record PlatformAuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The provider's own Entra tenant id: only its users may hold provider roles.</summary>
    [Required, RegularExpression("^[0-9a-fA-F-]{36}$")]
    public string ProviderDirectoryId { get; init; } = "";

    /// <summary>
    /// A symmetric key (at least 32 characters) for locally minted tokens. Honoured only in the Development
    /// environment; elsewhere it is ignored, /dev/token answers 404 and such tokens get 401.
    /// </summary>
    public string? DevSigningKey { get; init; }

    public string DevIssuer { get; init; } = "https://backoffice.local/dev";

    /// <summary>The audience tokens must carry; the app registration's client id or App ID URI.</summary>
    [Required]
    public string Audience { get; init; } = "api://backoffice";
}
