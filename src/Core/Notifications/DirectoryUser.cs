using BackOffice.Core.Common;

namespace BackOffice.Core.Notifications;

/// <summary>
/// A person the platform has seen sign in, as their token described them the last time: who to tell, and where.
/// <see cref="TenantId"/> is the client company of a client user, null for provider staff.
/// </summary>
public sealed record DirectoryUser(string Subject, string Name, string? Email, IReadOnlyList<string> Roles, string? TenantId, DateTimeOffset SeenAt)
{
    public bool IsClient => TenantId is not null && Roles.Any(Common.Roles.Client.Contains);

    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether the entry says the same as <paramref name="other"/>, apart from when it was seen.</summary>
    public bool SameAs(DirectoryUser other) =>
        Subject == other.Subject && Name == other.Name && Email == other.Email && TenantId == other.TenantId && Roles.SequenceEqual(other.Roles);
}

/// <summary>The people the platform knows, kept from their sign-ins.</summary>
public interface IUserDirectory
{
    /// <summary>Adds or replaces the entry of <see cref="DirectoryUser.Subject"/>; an entry with no e-mail keeps the one known.</summary>
    Task SaveAsync(DirectoryUser user, CancellationToken ct);

    Task<DirectoryUser?> FindAsync(string subject, CancellationToken ct);

    /// <summary>The client users of one tenant (Client.Admin or Client.User).</summary>
    Task<IReadOnlyList<DirectoryUser>> ListClientsAsync(string tenantId, CancellationToken ct);

    /// <summary>Provider staff holding <paramref name="role"/>.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListStaffAsync(string role, CancellationToken ct);
}
