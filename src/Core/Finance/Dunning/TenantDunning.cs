using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Dunning;

/// <summary>
/// How a tenant's overdue invoices are chased: reminders on the given days after the due date, then suspension once an
/// invoice is <see cref="SuspendAfterDays"/> overdue; finance can pause it with a reason. <see cref="SuspendedByDunningAt"/> says
/// dunning suspended the tenant, so paying reactivates it (a suspension by a platform admin is not lifted by a payment).
/// </summary>
public sealed record TenantDunning(string TenantId, IReadOnlyList<int> ReminderDays, int SuspendAfterDays, bool Paused, string? PausedReason,
    string? PausedBy, DateTimeOffset? PausedAt, DateTimeOffset? SuspendedByDunningAt, long Version)
{
    public const int MaxDays = 365;
    public const int MaxReminders = 10;

    public static TenantDunning Default(string tenantId) => new(tenantId, [3, 10], 21, false, null, null, null, null, 0);

    /// <summary>The reminder that is due <paramref name="daysOverdue"/> days after the due date (1-based), or 0 for none yet.</summary>
    public int RemindersDue(int daysOverdue) => ReminderDays.Count(d => d <= daysOverdue);
}

/// <summary>What finance sets: reminder days, grace before suspension, and whether dunning is paused (and why).</summary>
public sealed record DunningRequest(IReadOnlyList<int>? ReminderDays, int? SuspendAfterDays, bool? Paused, string? PausedReason);

public static class DunningRules
{
    public static TenantDunning Apply(TenantDunning current, DunningRequest request, Actor by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var days = request.ReminderDays ?? current.ReminderDays;
        if (days.Count > TenantDunning.MaxReminders) errors.Add("reminderDays", $"Give at most {TenantDunning.MaxReminders} reminder days.");
        for (var i = 0; i < days.Count; i++)
            if (days[i] is < 0 or > TenantDunning.MaxDays) errors.Add($"reminderDays[{i}]", $"A reminder day is from 0 to {TenantDunning.MaxDays} days after the due date.");
            else if (i > 0 && days[i] <= days[i - 1]) errors.Add($"reminderDays[{i}]", "Reminder days must rise: each after the one before.");
        var suspend = request.SuspendAfterDays ?? current.SuspendAfterDays;
        if (suspend is < 1 or > TenantDunning.MaxDays) errors.Add("suspendAfterDays", $"'suspendAfterDays' is from 1 to {TenantDunning.MaxDays}.");
        else if (days.Count > 0 && days[^1] >= suspend) errors.Add("suspendAfterDays", "Suspension comes after the last reminder.");
        var paused = request.Paused ?? current.Paused;
        var reason = errors.Optional("pausedReason", request.PausedReason, 500);
        if (paused && !current.Paused && string.IsNullOrWhiteSpace(reason)) errors.Add("pausedReason", "Say why dunning is paused for this tenant.");
        errors.ThrowIfAny();
        return paused == current.Paused
            ? current with { ReminderDays = [.. days], SuspendAfterDays = suspend, PausedReason = paused ? reason ?? current.PausedReason : null }
            : current with
            {
                ReminderDays = [.. days], SuspendAfterDays = suspend, Paused = paused, PausedReason = paused ? reason : null,
                PausedBy = paused ? by.Name : null, PausedAt = paused ? now : null,
            };
    }
}

public interface ITenantDunningStore
{
    /// <summary>The tenant's dunning, <see cref="TenantDunning.Default"/> at version 0 when none was stored.</summary>
    Task<TenantDunning> GetAsync(TenantScope scope, CancellationToken ct);

    /// <summary>Stores it if the stored version is still its <see cref="TenantDunning.Version"/>; answers it at the new version.</summary>
    Task<TenantDunning> SaveAsync(TenantScope scope, TenantDunning dunning, CancellationToken ct);

    /// <summary>The tenants dunning suspended, for the pass that reactivates those that paid.</summary>
    Task<IReadOnlyList<string>> SuspendedByDunningAsync(CancellationToken ct);
}
