using System.Data.Common;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// The savepoint each write of a batch runs in, as three commands prepared once per batch on its connection and
/// transaction: taken, released and rolled back to hundreds of times a second, they cost a statement step each.
/// </summary>
internal sealed class BatchSavepoints(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly DbCommand _take = Command(connection, transaction, "SAVEPOINT write");
    private readonly DbCommand _release = Command(connection, transaction, "RELEASE write");
    private readonly DbCommand _rollBack = Command(connection, transaction, "ROLLBACK TO write; RELEASE write");

    public Task TakeAsync() => _take.ExecuteNonQueryAsync();

    public Task ReleaseAsync() => _release.ExecuteNonQueryAsync();

    public Task RollBackAsync() => _rollBack.ExecuteNonQueryAsync();

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        _take.Dispose();
        _release.Dispose();
        _rollBack.Dispose();
    }
}
