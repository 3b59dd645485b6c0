using BackOffice.Core.Finance.Issuing;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Billing.Tests;

/// <summary>The local issuer's SQLite book in a temporary folder; <see cref="ReopenAsync"/> starts a new store over the same file.</summary>
public sealed class LocalBook : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("backoffice-billing-");
    private SqliteDatabase _db = default!;
    private ServiceProvider _services = default!;

    public ILocalInvoiceBook Book => _services.GetRequiredService<ILocalInvoiceBook>();

    public static async Task<LocalBook> OpenAsync()
    {
        var book = new LocalBook();
        await book.ReopenAsync();
        return book;
    }

    /// <summary>As after a restart: the old store is gone, a new one reads the same file.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        _db = new SqliteDatabase(Path.Combine(_folder.FullName, "billing.db"));
        await _db.MigrateAsync(default);
        _services = new ServiceCollection().AddSingleton(_db).AddSqliteStores().BuildServiceProvider();
    }

    public async Task<int> CustomerCountAsync(string tenantId)
    {
        await using var connection = new SqliteConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM local_issuer_customers WHERE tenant_id = $tenant";
        command.Parameters.AddWithValue("$tenant", tenantId);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private async Task CloseAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _folder.Delete(recursive: true);
    }
}
