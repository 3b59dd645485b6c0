namespace BackOffice.Core.Live;

/// <summary>
/// Word that something of a tenant changed, carrying no data: a page that hears it reads again through
/// the use cases, so what it shows still passes every rule of isolation, role and masking.
/// </summary>
/// <param name="Topic">What changed: <see cref="ChangeTopics"/>.</param>
/// <param name="ItemId">The work item, when the change is one item's.</param>
public sealed record ChangeSignal(string TenantId, string Topic, Guid? ItemId, DateTimeOffset At);

public static class ChangeTopics
{
    public const string WorkItem = "work-item";
    public const string Import = "import";
    public const string Alert = "alert";
    public const string Tenant = "tenant";
    public const string Notification = "notification";
    public const string Webhook = "webhook";
}
