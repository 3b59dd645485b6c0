using BackOffice.Core.Common;

namespace BackOffice.TenantApi.Tests.Infrastructure;

public sealed record TestUser(string Subject, string Name, string[] Roles, string DirectoryId)
{
    /// <summary>Auth:ProviderDirectoryId in the hosts' settings.</summary>
    public const string ProviderDirectory = "11111111-1111-1111-1111-111111111111";
    public const string AcmeDirectory = "aaaaaaaa-0000-4000-8000-00000000000a";
    public const string GlobexDirectory = "bbbbbbbb-0000-4000-8000-00000000000b";

    public static readonly TestUser Admin = new("admin", "Ada Admin", [Core.Common.Roles.PlatformAdmin], ProviderDirectory);
    public static readonly TestUser Supervisor = new("super", "Sue Supervisor", [Core.Common.Roles.Supervisor], ProviderDirectory);
    public static readonly TestUser Agent = new("agent-1", "Alex Agent", [Core.Common.Roles.Agent], ProviderDirectory);
    public static readonly TestUser Finance = new("fin-1", "Fay Finance", [Core.Common.Roles.Finance], ProviderDirectory);
    public static readonly TestUser OtherAgent = new("agent-2", "Jo Agent", [Core.Common.Roles.Agent], ProviderDirectory);
    public static readonly TestUser AcmeClient = new("acme-user", "Ann Acme", [Core.Common.Roles.ClientUser], AcmeDirectory);
    public static readonly TestUser GlobexClient = new("globex-user", "Gus Globex", [Core.Common.Roles.ClientAdmin], GlobexDirectory);
}
