using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteTenantStore(SqliteDatabase db) : ITenantStore
{
    public async Task<Tenant?> FindAsync(string tenantId, CancellationToken ct)
    {
        await using var context = db.Context();
        var row = await CompiledQueries.TenantById(context, tenantId);
        return row?.ToTenant();
    }

    public async Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct)
    {
        var key = Guid.TryParse(directoryId, out var guid) ? guid.ToString("D") : directoryId;
        await using var context = db.Context();
        var row = await context.TenantDirectories.AsNoTracking().Where(d => d.DirectoryId == key)
            .Join(context.Tenants, d => d.TenantId, t => t.Id, (_, t) => t).FirstOrDefaultAsync(ct);
        return row?.ToTenant();
    }

    public async Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(cursor);
        await using var context = db.Context();
        var rows = await context.Tenants.AsNoTracking()
            .Where(t => after == null || string.Compare(t.Id, after) > 0)
            .OrderBy(t => t.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].Id) : null;
        return new Page<Tenant>(rows.Take(pageSize).Select(r => r.ToTenant()).ToList(), next);
    }

    public async Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct)
    {
        await using var context = db.Context();
        return await TenantStatusHistory.ReadAsync(context, tenantId, ct);
    }

    public async Task AddAsync(Tenant tenant, CancellationToken ct)
    {
        try
        {
            var (row, events, history) = (tenant.ToRow(), OutboxMapping.Rows(tenant), TenantStatusHistory.Of(tenant));
            await db.WriteAsync(null, async context =>
            {
                context.Tenants.Add(row);
                foreach (var directory in tenant.DirectoryIds)
                    context.TenantDirectories.Add(new TenantDirectoryRow { DirectoryId = directory, TenantId = tenant.Id });
                context.Outbox.AddRange(events);
                await context.SaveChangesAsync(ct);
                await TenantStatusHistory.AppendAsync(context, history, ct);
            }, ct);
        }
        catch (DbUpdateException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new ConflictException($"Tenant '{tenant.Id}' or one of its directories is already onboarded.");
        }
        tenant.ClearPendingEvents();
    }

    public async Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct)
    {
        try
        {
            var (row, events, history) = (tenant.ToRow(), OutboxMapping.Rows(tenant), TenantStatusHistory.Of(tenant));
            await db.WriteAsync(null, async context =>
            {
                var entry = context.Tenants.Update(row);
                entry.Property(r => r.Version).OriginalValue = expectedVersion;
                entry.Property(r => r.SlaVersion).IsModified = false; // the SLA store's to move, with its versions
                context.Outbox.AddRange(events);
                await context.SaveChangesAsync(ct);
                await TenantStatusHistory.AppendAsync(context, history, ct);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"Tenant '{tenant.Id}'");
        }
        tenant.ClearPendingEvents();
    }
}
