using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// A tenant's record of one kind (an employee, a customer, a vendor, the warehouse) as one document: the record as the core
/// keeps it, its name to page by, the platform's version, and a store's own lookup key (a vendor's name key) when it has one.
/// The id is the kind and the record's id, so no kind's id can ever name another kind's document.
/// </summary>
internal sealed class RecordDocument<T> : TenantDocument where T : class
{
    public override string Kind { get; set; } = "";

    public required T Record { get; set; }

    public required string Name { get; set; }

    public long Version { get; set; }

    public string? Key { get; set; }

    public static string IdOf(string kind, Guid id) => $"{kind}-{id:D}";

    public static RecordDocument<T> Of(string kind, string tenantId, Guid id, string name, T record, long version, string? key = null) => new()
    {
        Id = IdOf(kind, id), TenantId = tenantId, Kind = kind, Name = name, Record = record, Version = version, Key = key,
    };
}
