using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Notifications;

/// <summary>
/// One pass of the digest worker: from <see cref="EmailOptions.DigestHour"/> in each person's zone (a client's tenant's, staff's
/// configured one), the notifications they chose to get as a digest, up to that morning, go out as one e-mail, at most one a
/// day: the e-mail's id is the person's and the day's, and queuing it takes the notifications out of waiting in the same write.
/// </summary>
public sealed class SendDigests(INotificationStore store, IUserDirectory directory, ITenantStore tenants, EmailOptions options, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var queued = 0;
        foreach (var subject in await store.ListDigestRecipientsAsync(ct))
            if (await DigestAsync(subject, ct)) queued++;
        return queued;
    }

    private async Task<bool> DigestAsync(string subject, CancellationToken ct)
    {
        var person = await directory.FindAsync(subject, ct);
        if (person?.Email is null) return false;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await ZoneOfAsync(person, ct));
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (local.Hour < options.DigestHour) return false;
        var day = DateOnly.FromDateTime(local.DateTime);
        var morning = day.ToDateTime(new TimeOnly(options.DigestHour, 0));
        var cutoff = new DateTimeOffset(morning, zone.GetUtcOffset(morning));
        var pending = await store.ListDigestPendingAsync(subject, cutoff, ct);
        if (pending.Count == 0) return false;
        var id = StableId.From("digest", subject, day.ToString("O"));
        return await store.QueueDigestAsync(EmailComposer.Digest(id, person, day, pending, options, now), [.. pending.Select(n => n.Id)], ct);
    }

    private async Task<string> ZoneOfAsync(DirectoryUser person, CancellationToken ct) =>
        person.TenantId is { } t && await tenants.FindAsync(t, ct) is { } tenant ? tenant.TimeZone : options.StaffTimeZone;
}
