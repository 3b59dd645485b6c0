using System.Collections.Concurrent;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Notifications;

/// <summary>
/// Keeps the user directory up to date from each sign-in or API call. Cheap on every request: the last entry written per
/// person is remembered, so the store is read only for someone new to this process and written only when something changed.
/// </summary>
public sealed class RecordUser(IUserDirectory directory, ITenantStore tenants, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectoryUser> _known = new(StringComparer.Ordinal);

    public async Task RecordAsync(Actor actor, string? email, CancellationToken ct)
    {
        if (actor.IsSystem || (!actor.IsProviderStaff && !actor.IsClient)) return;
        email = string.IsNullOrWhiteSpace(email) || !email.Contains('@') ? null : email.Trim();
        if (_known.TryGetValue(actor.Subject, out var last) && Matches(last, actor, email)) return;
        var stored = last ?? await directory.FindAsync(actor.Subject, ct);
        var tenantId = actor.IsClient && actor.DirectoryId is { } dir ? (await tenants.FindByDirectoryAsync(dir, ct))?.Id : null;
        var user = new DirectoryUser(actor.Subject, actor.Name, email ?? stored?.Email, [.. actor.Roles.Order(StringComparer.Ordinal)], tenantId, time.GetUtcNow());
        if (stored is null || !stored.SameAs(user)) await directory.SaveAsync(user, ct);
        _known[actor.Subject] = user;
    }

    private static bool Matches(DirectoryUser known, Actor actor, string? email) =>
        known.Name == actor.Name && (email is null || email == known.Email) && known.Roles.SequenceEqual(actor.Roles.Order(StringComparer.Ordinal));
}
