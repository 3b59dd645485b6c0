using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>An import file read back part by part, one point read per part.</summary>
internal static class ImportFileStream
{
    public static Stream Open(CosmosDatabase db, TenantScope scope, Guid id) => new PartStream(async (part, ct) =>
        (await db.ReadAsync<ImportPartDocument>(db.Data, ImportPartDocument.IdOf(id, part), new PartitionKey(scope.TenantId), "import.read-part", ct))
            .Document?.Bytes);
}
