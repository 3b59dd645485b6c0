using System.Net;
using BackOffice.Core.Common;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos;

/// <summary>
/// The SDK calls every store makes, each charged to a named operation (<see cref="RequestCharges"/>), with the answers the
/// platform gives its own meaning: a missing document is null, a stale ETag is a <see cref="ConcurrencyConflictException"/>.
/// </summary>
internal static class CosmosCalls
{
    public static async Task<(T? Document, string? ETag)> ReadAsync<T>(this CosmosDatabase db, Container container, string id, PartitionKey key,
        string operation, CancellationToken ct) where T : class
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, key, cancellationToken: ct);
            db.Charges.Record(operation, response.RequestCharge);
            return (response.Resource, response.ETag);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            db.Charges.Record(operation, ex.RequestCharge);
            return (null, null);
        }
    }

    /// <summary>Every result of a query, page after page (or the first <paramref name="max"/>). A tenant's query names its partition key.</summary>
    public static async Task<List<T>> QueryAsync<T>(this CosmosDatabase db, Container container, QueryDefinition query, PartitionKey? key,
        string operation, CancellationToken ct, int? max = null)
    {
        var options = new QueryRequestOptions { PartitionKey = key, MaxItemCount = max is { } m ? Math.Min(m, 1000) : 1000 };
        using var feed = container.GetItemQueryIterator<T>(query, requestOptions: options);
        var results = new List<T>();
        while (feed.HasMoreResults && (max is null || results.Count < max))
        {
            var page = await feed.ReadNextAsync(ct);
            db.Charges.Record(operation, page.RequestCharge);
            results.AddRange(page);
        }
        return max is { } limit && results.Count > limit ? results.GetRange(0, limit) : results;
    }

    /// <summary>The results of a query as they arrive, page by page, never all held at once (a provider's read across tenants).</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(this CosmosDatabase db, Container container, QueryDefinition query, PartitionKey? key,
        string operation, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var feed = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { PartitionKey = key, MaxItemCount = 1000 });
        while (feed.HasMoreResults)
        {
            var page = await feed.ReadNextAsync(ct);
            db.Charges.Record(operation, page.RequestCharge);
            foreach (var item in page) yield return item;
        }
    }

    /// <summary>A single value (<c>SELECT VALUE COUNT(1) ...</c>).</summary>
    public static async Task<T> ScalarAsync<T>(this CosmosDatabase db, Container container, QueryDefinition query, PartitionKey? key,
        string operation, CancellationToken ct) =>
        (await db.QueryAsync<T>(container, query, key, operation, ct)).FirstOrDefault()!;

    /// <summary>Creates the document; null when one with its id is already there (409).</summary>
    public static async Task<string?> TryCreateAsync<T>(this CosmosDatabase db, Container container, T document, PartitionKey key,
        string operation, CancellationToken ct)
    {
        try
        {
            var response = await container.CreateItemAsync(document, key, cancellationToken: ct);
            db.Charges.Record(operation, response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            db.Charges.Record(operation, ex.RequestCharge);
            return null;
        }
    }

    /// <summary>Replaces the document if its ETag is still <paramref name="ifMatch"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    public static async Task<string> ReplaceAsync<T>(this CosmosDatabase db, Container container, T document, string id, PartitionKey key,
        string? ifMatch, string operation, CancellationToken ct)
    {
        try
        {
            var response = await container.ReplaceItemAsync(document, id, key, new ItemRequestOptions { IfMatchEtag = ifMatch }, ct);
            db.Charges.Record(operation, response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            db.Charges.Record(operation, ex.RequestCharge);
            throw new ConcurrencyConflictException($"{operation} {id}");
        }
    }

    public static async Task<string> UpsertAsync<T>(this CosmosDatabase db, Container container, T document, PartitionKey key, string operation,
        CancellationToken ct)
    {
        var response = await container.UpsertItemAsync(document, key, cancellationToken: ct);
        db.Charges.Record(operation, response.RequestCharge);
        return response.ETag;
    }

    /// <summary>
    /// Patches the document if it is there (and, given <paramref name="ifMatch"/>, unchanged; given <paramref name="predicate"/>,
    /// "FROM c WHERE ...", matching it); its new ETag, or null.
    /// </summary>
    public static async Task<string?> TryPatchAsync(this CosmosDatabase db, Container container, string id, PartitionKey key,
        IReadOnlyList<PatchOperation> operations, string? ifMatch, string operation, CancellationToken ct, string? predicate = null)
    {
        try
        {
            var options = new PatchItemRequestOptions { IfMatchEtag = ifMatch, FilterPredicate = predicate };
            var response = await container.PatchItemAsync<object>(id, key, operations, options, ct);
            db.Charges.Record(operation, response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            db.Charges.Record(operation, ex.RequestCharge);
            return null;
        }
    }

    /// <summary>Deletes the document if it is there (and, given <paramref name="ifMatch"/>, unchanged); whether it did.</summary>
    public static async Task<bool> TryDeleteAsync(this CosmosDatabase db, Container container, string id, PartitionKey key, string? ifMatch,
        string operation, CancellationToken ct)
    {
        try
        {
            var response = await container.DeleteItemAsync<object>(id, key, new ItemRequestOptions { IfMatchEtag = ifMatch }, ct);
            db.Charges.Record(operation, response.RequestCharge);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            db.Charges.Record(operation, ex.RequestCharge);
            return false;
        }
    }
}
