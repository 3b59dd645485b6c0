using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>An import file read back part by part, one query per part.</summary>
internal static class ImportFileStream
{
    public static Stream Open(SqliteDatabase db, TenantScope scope, Guid id) => new PartStream(async (part, ct) =>
    {
        await using var context = db.Context(scope);
        var parts = await context.Database.SqlQuery<byte[]>($"""
            SELECT bytes AS Value FROM import_file_parts WHERE tenant_id = {scope.TenantId} AND import_id = {id.ToString("D")} AND part = {part}
            """).ToListAsync(ct);
        return parts.Count == 0 ? null : parts[0];
    });
}
