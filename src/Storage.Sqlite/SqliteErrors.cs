using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite;

internal static class SqliteErrors
{
    public const int Constraint = 19;

    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: Constraint };
}
