namespace BackOffice.Core.Common;

/// <summary>
/// Who is acting: a signed-in person or a worker. Every use case takes one and decides from it alone,
/// so the Portal, the API and the workers apply the same rules.
/// </summary>
public sealed record Actor(string Subject, string Name, IReadOnlySet<string> Roles, string? DirectoryId)
{
    /// <summary>The identity a background worker acts as; it holds no person's roles.</summary>
    public static Actor System(string worker) => new($"system:{worker}", worker, new HashSet<string>(), null);

    public bool IsSystem => Subject.StartsWith("system:", StringComparison.Ordinal);

    public bool IsProviderStaff => Roles.Overlaps(Common.Roles.Provider);

    public bool IsClient => !IsProviderStaff && Roles.Overlaps(Common.Roles.Client);

    public bool HasAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>
    /// Builds an actor from a token's claims. Provider roles count only when the token comes from the
    /// provider's own directory, and client roles only when it does not: in a multi-tenant app a client's
    /// directory admin can assign any app role to their users, so a role alone proves nothing.
    /// </summary>
    public static Actor FromClaims(string subject, string? name, IEnumerable<string> roles, string? directoryId, string providerDirectoryId)
    {
        var fromProvider = string.Equals(directoryId, providerDirectoryId, StringComparison.OrdinalIgnoreCase);
        var allowed = fromProvider ? Common.Roles.Provider : Common.Roles.Client;
        var kept = roles.Where(allowed.Contains).ToHashSet(StringComparer.Ordinal);
        return new Actor(subject, string.IsNullOrWhiteSpace(name) ? subject : name, kept, directoryId);
    }
}
