using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>The point reads on every request's path, translated once instead of per call.</summary>
internal static class CompiledQueries
{
    public static readonly Func<BackOfficeDbContext, string, Task<TenantRow?>> TenantById =
        EF.CompileAsyncQuery((BackOfficeDbContext c, string id) => c.Tenants.AsNoTracking().FirstOrDefault(t => t.Id == id));

    /// <summary>Still filtered by the context's tenant: compiled queries keep the global query filter.</summary>
    public static readonly Func<BackOfficeDbContext, string, Task<WorkItemRow?>> WorkItemById =
        EF.CompileAsyncQuery((BackOfficeDbContext c, string id) => c.WorkItems.AsNoTracking().FirstOrDefault(r => r.Id == id));
}
