using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tenancy.OnboardTenant;

/// <summary>A sample submission to try an SLA on before the tenant exists: its zone and lines, the SLA, and the work.</summary>
/// <param name="SubmittedAt">When the sample is submitted; now when not given.</param>
public sealed record SlaPreviewRequest(string? TimeZone, IReadOnlyList<string>? ServiceLines, SlaSettingsData? Sla, string? ServiceLine, string? Priority,
    DateTimeOffset? SubmittedAt = null);

/// <summary>When the sample's clocks fall due, with the zone the calendar is in.</summary>
public sealed record SlaPreview(DateTimeOffset SubmittedAt, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, string TimeZone);

/// <summary>
/// Due times of a sample submission under an SLA not yet saved, computed by <see cref="SlaSettings.ClockFor"/>: the code that
/// gives every submitted item its clocks, which the SLA monitor then watches. Errors are named as onboarding names them.
/// </summary>
public sealed class PreviewOnboardingSla(TimeProvider time)
{
    public SlaPreview Preview(Actor actor, SlaPreviewRequest request)
    {
        Permissions.Require(actor, Roles.PlatformAdmin);
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var zone = errors.Required("timeZone", request.TimeZone, 64);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) { errors.Add("timeZone", $"'{zone}' is not a known IANA time zone."); zone = null; }
        var lines = (request.ServiceLines ?? []).Select(l => errors.Enum<ServiceLine>("serviceLines", l)).OfType<ServiceLine>().Distinct().ToList();
        if (lines.Count == 0) errors.Add("serviceLines", "'serviceLines' needs at least one of: hr, billing, orders.");
        var line = errors.Enum<ServiceLine>("serviceLine", request.ServiceLine);
        var priority = errors.Enum<Priority>("priority", request.Priority);
        if (line is { } l && lines.Count > 0 && !lines.Contains(l)) errors.Add("serviceLine", $"The tenant does not subscribe to {l.ToText()}.");
        if (request.Sla is null) errors.Add("sla", "Give the SLA to preview.");
        var sla = request.Sla is not null && zone is not null && lines.Count > 0 ? OnboardingSla.Check(errors, request.Sla, zone, lines, now) : null;
        errors.ThrowIfAny();
        var (calendar, policies) = sla!.Value;
        var settings = new SlaSettings { TenantId = "preview", Version = 1, Calendar = calendar, Policies = policies, CreatedAt = now, CreatedBy = actor.Name };
        var at = request.SubmittedAt ?? now;
        var clock = settings.ClockFor(line!.Value, priority!.Value, at);
        return new SlaPreview(at, clock.FirstResponseDue, clock.ResolutionDue, calendar.TimeZone);
    }
}
