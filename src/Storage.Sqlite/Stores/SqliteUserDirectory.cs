using BackOffice.Core.Notifications;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteUserDirectory(SqliteDatabase db) : IUserDirectory
{
    public Task SaveAsync(DirectoryUser u, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO user_directory (subject, name, email, roles, tenant_id, seen_at)
            VALUES ({u.Subject}, {u.Name}, {u.Email}, {Roles(u.Roles)}, {u.TenantId}, {u.SeenAt.ToTicks()})
            ON CONFLICT (subject) DO UPDATE SET name = excluded.name, email = COALESCE(excluded.email, email), roles = excluded.roles,
                tenant_id = excluded.tenant_id, seen_at = excluded.seen_at
            """, ct), ct);

    public async Task<DirectoryUser?> FindAsync(string subject, CancellationToken ct) =>
        (await QueryAsync(context => context.Database.SqlQuery<UserRow>($"""
            SELECT subject AS Subject, name AS Name, email AS Email, roles AS Roles, tenant_id AS TenantId, seen_at AS SeenAt
            FROM user_directory WHERE subject = {subject}
            """), ct)).SingleOrDefault();

    public async Task<IReadOnlyList<DirectoryUser>> ListClientsAsync(string tenantId, CancellationToken ct) =>
        (await QueryAsync(context => context.Database.SqlQuery<UserRow>($"""
            SELECT subject AS Subject, name AS Name, email AS Email, roles AS Roles, tenant_id AS TenantId, seen_at AS SeenAt
            FROM user_directory WHERE tenant_id = {tenantId} ORDER BY subject
            """), ct)).Where(u => u.IsClient).ToList();

    public async Task<IReadOnlyList<DirectoryUser>> ListStaffAsync(string role, CancellationToken ct)
    {
        var pattern = $"%|{role}|%";
        return await QueryAsync(context => context.Database.SqlQuery<UserRow>($"""
            SELECT subject AS Subject, name AS Name, email AS Email, roles AS Roles, tenant_id AS TenantId, seen_at AS SeenAt
            FROM user_directory WHERE tenant_id IS NULL AND roles LIKE {pattern} ORDER BY subject
            """), ct);
    }

    private async Task<IReadOnlyList<DirectoryUser>> QueryAsync(Func<BackOfficeDbContext, IQueryable<UserRow>> query, CancellationToken ct)
    {
        await using var context = db.Context();
        return (await query(context).ToListAsync(ct)).Select(r => r.ToUser()).ToList();
    }

    private static string Roles(IReadOnlyList<string> roles) => $"|{string.Join('|', roles)}|";

    private sealed record UserRow(string Subject, string Name, string? Email, string Roles, string? TenantId, long SeenAt)
    {
        public DirectoryUser ToUser() => new(Subject, Name, Email, Roles.Split('|', StringSplitOptions.RemoveEmptyEntries), TenantId, Time.FromTicks(SeenAt));
    }
}
