using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// A tenant's records of one kind kept as JSON documents in their own table, read by id or in pages by name, and
/// saved together with the work item whose resolution changed them.
/// </summary>
internal abstract class DocumentStore<T>(SqliteDatabase db, string table) where T : class
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    protected SqliteDatabase Db => db;

    protected abstract (string TenantId, Guid Id, string Name, long Version) Identity(T document);

    protected abstract T WithVersion(T document, long version);

    public async Task<T?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.FindAsync(context.Set<DocumentRow>(table), id, Read, ct);
    }

    public async Task<Page<T>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.PageAsync(context.Set<DocumentRow>(table), pageSize, cursor, Read, ct);
    }

    public async Task<T> SaveWithItemAsync(TenantScope scope, T document, WorkItem item, long expectedItemVersion, CancellationToken ct)
    {
        var (tenantId, id, name, version) = Identity(document);
        scope.EnsureOwns(tenantId, typeof(T).Name);
        var saved = WithVersion(document, version + 1);
        await DocumentWrites.SaveAsync(db, scope, table, (id.ToString("D"), name, async context =>
            {
                saved = await CompleteAsync(context, WithVersion(document, version + 1), ct);
                return JsonSerializer.Serialize(saved, Json);
            }), version, item, expectedItemVersion, ct, context => IndexAsync(context, saved, ct));
        return saved;
    }

    /// <summary>Fills in what the store gives a document in its own transaction, before it is written; nothing by default.</summary>
    protected virtual Task<T> CompleteAsync(BackOfficeDbContext context, T document, CancellationToken ct) => Task.FromResult(document);

    /// <summary>Keeps a store's own index of the document's contents, in the document's transaction; none by default.</summary>
    protected virtual Task IndexAsync(BackOfficeDbContext context, T document, CancellationToken ct) => Task.CompletedTask;

    protected T Read(DocumentRow r) => WithVersion(JsonSerializer.Deserialize<T>(r.Data, Json)!, r.Version);
}
