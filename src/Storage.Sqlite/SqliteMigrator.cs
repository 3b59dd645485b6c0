using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite;

/// <summary>Creates the database file and brings its schema up to date; a start-up step, never per request.</summary>
public static class SqliteMigrator
{
    public static async Task MigrateAsync(this SqliteDatabase db, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(db.Path)!);
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // WAL is a property of the file, not of a connection, and cannot be switched inside a transaction.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(ct);
        }
        await using var context = db.Context();
        await context.Database.OpenConnectionAsync(ct);
        Migrations.M0032_VendorNameKeys.AddKeyFunction((SqliteConnection)context.Database.GetDbConnection());
        await context.Database.MigrateAsync(ct);
    }
}
