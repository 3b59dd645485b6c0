namespace BackOffice.Core.Common;

/// <summary>The app roles of the Entra ID app registration.</summary>
public static class Roles
{
    public const string PlatformAdmin = "Platform.Admin";
    public const string Supervisor = "Supervisor";
    public const string Agent = "Agent";
    public const string Finance = "Finance";
    public const string ClientAdmin = "Client.Admin";
    public const string ClientUser = "Client.User";

    public static readonly IReadOnlySet<string> Provider = new HashSet<string> { PlatformAdmin, Supervisor, Agent, Finance };
    public static readonly IReadOnlySet<string> Client = new HashSet<string> { ClientAdmin, ClientUser };
    public static readonly IReadOnlySet<string> All = new HashSet<string>(Provider.Concat(Client));
}
