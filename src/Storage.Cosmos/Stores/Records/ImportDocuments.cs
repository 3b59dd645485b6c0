using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// An import job in its tenant's partition, with what the worker's take walks across tenants beside it: <see cref="ReadyTicks"/>,
/// present only while the job waits for a worker (queued, validating or importing), is when it may next be taken (its lease's
/// end; 0 when it has none), and <see cref="AbandonTicks"/>, present only while its file is still arriving, its upload deadline.
/// <see cref="Attempts"/> is the taking worker's lease token.
/// </summary>
internal sealed class ImportJobDocument : TenantDocument
{
    public const string KindName = "import-job";

    public override string Kind { get; set; } = KindName;

    public required ImportJob Job { get; set; }

    public required string Status { get; set; }

    public long CreatedTicks { get; set; }

    public int Attempts { get; set; }

    public int Published { get; set; }

    public long? LeaseTicks { get; set; }

    public long? ReadyTicks { get; set; }

    public long? AbandonTicks { get; set; }

    public static string IdOf(Guid id) => $"{KindName}-{id:D}";

    public static ImportJobDocument Of(ImportJob job, DateTimeOffset? leaseUntil, DateTimeOffset? uploadDeadline = null) => new()
    {
        Id = IdOf(job.Id), TenantId = job.TenantId, Job = job, Status = job.Status.ToText(), CreatedTicks = job.CreatedAt.UtcTicks, Attempts = job.Attempts,
        Published = job.Published, LeaseTicks = leaseUntil?.UtcTicks,
        ReadyTicks = job.Status is ImportStatus.Queued or ImportStatus.Validating or ImportStatus.Importing ? leaseUntil?.UtcTicks ?? 0 : null,
        AbandonTicks = job.Status == ImportStatus.Receiving ? uploadDeadline?.UtcTicks : null,
    };

    public DateTimeOffset? LeaseUntil => LeaseTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}

/// <summary>One part of an import job's file, in the job's tenant's partition, until the job finishes.</summary>
internal sealed class ImportPartDocument : TenantDocument
{
    public const string KindName = "import-part";

    public override string Kind { get; set; } = KindName;

    public Guid ImportId { get; set; }

    public int Part { get; set; }

    public required byte[] Bytes { get; set; }

    public static string IdOf(Guid importId, int part) => $"{KindName}-{importId:D}-{part:D6}";
}
