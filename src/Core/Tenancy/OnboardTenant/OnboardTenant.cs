using System.Text.RegularExpressions;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;

namespace BackOffice.Core.Tenancy.OnboardTenant;

/// <summary>
/// What a platform admin sends to onboard a client company; strings so that every bad field gets its own error. The SLA
/// and the lines with a dedicated team may come with it, so that the whole set-up is checked before anything is written.
/// </summary>
public sealed record OnboardTenantRequest(string? Id, string? DisplayName, IReadOnlyList<string>? ServiceLines, string? TimeZone, IReadOnlyList<string>? DirectoryIds,
    SlaSettingsData? Sla = null, IReadOnlyList<string>? DedicatedLines = null);

public sealed partial class OnboardTenant(ITenantStore tenants, ISlaSettingsStore slas, TimeProvider time)
{
    public async Task<Tenant> HandleAsync(Actor actor, OnboardTenantRequest request, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.PlatformAdmin);
        var now = time.GetUtcNow();
        // Everything is checked here; from here on only a taken id or directory (409 from the store's unique keys) can refuse it.
        var (spec, sla, dedicated) = Validate(request, now);
        var tenant = Tenant.Onboard(spec, actor, now);
        if (dedicated.Count > 0) tenant.SetDedicatedLines(dedicated, now);
        await tenants.AddAsync(tenant, ct);
        if (sla is var (calendar, policies))
            await slas.AddAsync(TenantScope.Granted(tenant.Id), OnboardingSla.FirstVersion(tenant, calendar, policies, actor, now), ct);
        return tenant;
    }

    /// <summary>
    /// Checks the request as <see cref="HandleAsync"/> would, writing nothing: a wizard asks this at each step. A taken id or
    /// directory is named here beside its field, where creating it would answer a conflict.
    /// </summary>
    public async Task CheckAsync(Actor actor, OnboardTenantRequest request, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.PlatformAdmin);
        var (spec, _, _) = Validate(request, time.GetUtcNow());
        await CheckFreeAsync(spec, ct);
    }

    private async Task CheckFreeAsync(NewTenant spec, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (await tenants.FindAsync(spec.Id, ct) is not null) errors.Add("id", $"A tenant with the id '{spec.Id}' exists already.");
        foreach (var directory in spec.DirectoryIds)
            if (await tenants.FindByDirectoryAsync(directory, ct) is { } owner)
                errors.Add("directoryIds", $"The directory {directory} belongs to tenant '{owner.Id}' already.");
        errors.ThrowIfAny();
    }

    private static (NewTenant, (BusinessCalendar, IReadOnlyList<SlaPolicy>)?, List<ServiceLine>) Validate(OnboardTenantRequest request, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var id = errors.Required("id", request.Id, 40);
        if (id is not null && !SlugPattern().IsMatch(id))
            errors.Add("id", "'id' must be 3 to 40 lower-case letters, digits or dashes, starting and ending with a letter or digit.");
        var name = errors.Required("displayName", request.DisplayName, 200);
        var lines = new List<ServiceLine>();
        if (request.ServiceLines is null || request.ServiceLines.Count == 0) errors.Add("serviceLines", "'serviceLines' needs at least one of: hr, billing, orders.");
        else foreach (var line in request.ServiceLines)
            if (errors.Enum<ServiceLine>("serviceLines", line) is { } parsed && !lines.Contains(parsed)) lines.Add(parsed);
        var zone = errors.Required("timeZone", request.TimeZone, 64);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) { errors.Add("timeZone", $"'{zone}' is not a known IANA time zone."); zone = null; }
        var directories = new List<string>();
        if (request.DirectoryIds is null || request.DirectoryIds.Count == 0) errors.Add("directoryIds", "'directoryIds' needs the Entra tenant id of at least one directory.");
        else foreach (var directory in request.DirectoryIds)
            if (!Guid.TryParse(directory, out var guid)) errors.Add("directoryIds", $"'{directory}' is not an Entra tenant id (a GUID).");
            else directories.Add(guid.ToString("D"));
        var dedicated = new List<ServiceLine>();
        foreach (var line in request.DedicatedLines ?? [])
            if (errors.Enum<ServiceLine>("dedicatedLines", line) is { } parsed)
                if (!lines.Contains(parsed)) errors.Add("dedicatedLines", $"A dedicated queue is only for a line the tenant subscribes to; {parsed.ToText()} is not one.");
                else if (!dedicated.Contains(parsed)) dedicated.Add(parsed);
        var sla = request.Sla is not null && zone is not null && lines.Count > 0 ? OnboardingSla.Check(errors, request.Sla, zone, lines, now) : null;
        errors.ThrowIfAny();
        return (new NewTenant(id!, name!, lines, zone!, directories.Distinct().ToList()), sla, dedicated);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
