using BackOffice.Core.Common;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Reads of a tenant's JSON-document records (employees, customer accounts): one by id, or keyset pages by name.</summary>
internal static class TenantDocuments
{
    public static async Task<T?> FindAsync<T>(IQueryable<DocumentRow> documents, Guid id, Func<DocumentRow, T> read, CancellationToken ct) where T : class
    {
        var key = id.ToString("D");
        var row = await documents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, ct);
        return row is null ? null : read(row);
    }

    public static async Task<Page<T>> PageAsync<T>(IQueryable<DocumentRow> documents, int pageSize, string? cursor, Func<DocumentRow, T> read, CancellationToken ct)
    {
        var query = documents.AsNoTracking();
        if (Cursor.Decode(cursor) is { } key)
        {
            var split = key.IndexOf('|');
            if (split < 0) throw Cursor.Invalid();
            var (name, id) = (key[..split], key[(split + 1)..]);
            query = query.Where(r => string.Compare(r.Name, name) > 0 || (r.Name == name && string.Compare(r.Id, id) > 0));
        }
        var rows = await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].Name}|{rows[pageSize - 1].Id}") : null;
        return new Page<T>(rows.Take(pageSize).Select(read).ToList(), next);
    }
}
