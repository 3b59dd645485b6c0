using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>The point reads on every request's path, translated once instead of per call.</summary>
internal static class CompiledQueries
{
    public static readonly Func<BackOfficeDbContext, string, Task<TenantRow?>> TenantById =
        EF.CompileAsyncQuery((BackOfficeDbContext c, string id) => c.Tenants.AsNoTracking().FirstOrDefault(t => t.Id == id));
}
