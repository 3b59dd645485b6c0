using BackOffice.Core.Notifications;
using BackOffice.Storage.Cosmos.Stores.Tenancy;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// An e-mail on its way, in the platform container under its own id (derived from what it tells, so it is queued once),
/// with the status and UTC ticks the delivery worker filters and sorts on beside it.
/// </summary>
internal sealed class EmailDocument : PlatformDocument
{
    public const string KindName = "email";

    public override string Kind { get; set; } = KindName;

    public required OutgoingEmail Email { get; set; }

    public EmailStatus Status { get; set; }

    /// <summary>When a pending e-mail is next due (its lease's end while a worker holds it); none once sent or given up.</summary>
    public long? NextAttemptTicks { get; set; }

    public long CreatedTicks { get; set; }

    public static string IdOf(Guid id) => $"email-{id:D}";

    public static EmailDocument From(OutgoingEmail e) => new()
    {
        Id = IdOf(e.Id), Email = e, Status = e.Status, CreatedTicks = e.CreatedAt.UtcTicks,
        NextAttemptTicks = e.Status == EmailStatus.Pending ? (e.NextAttemptAt ?? e.CreatedAt).UtcTicks : e.NextAttemptAt?.UtcTicks,
    };
}
