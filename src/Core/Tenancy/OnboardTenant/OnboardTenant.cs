using System.Text.RegularExpressions;
using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.OnboardTenant;

/// <summary>What a platform admin sends to onboard a client company; strings so that every bad field gets its own error.</summary>
public sealed record OnboardTenantRequest(string? Id, string? DisplayName, IReadOnlyList<string>? ServiceLines, string? TimeZone, IReadOnlyList<string>? DirectoryIds);

public sealed partial class OnboardTenant(ITenantStore tenants, TimeProvider time)
{
    public async Task<Tenant> HandleAsync(Actor actor, OnboardTenantRequest request, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.PlatformAdmin);
        var tenant = Tenant.Onboard(Validate(request), actor, time.GetUtcNow());
        await tenants.AddAsync(tenant, ct);
        return tenant;
    }

    private static NewTenant Validate(OnboardTenantRequest request)
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
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors.Add("timeZone", $"'{zone}' is not a known IANA time zone.");
        var directories = new List<string>();
        if (request.DirectoryIds is null || request.DirectoryIds.Count == 0) errors.Add("directoryIds", "'directoryIds' needs the Entra tenant id of at least one directory.");
        else foreach (var directory in request.DirectoryIds)
            if (!Guid.TryParse(directory, out var guid)) errors.Add("directoryIds", $"'{directory}' is not an Entra tenant id (a GUID).");
            else directories.Add(guid.ToString("D"));
        errors.ThrowIfAny();
        return new NewTenant(id!, name!, lines, zone!, directories.Distinct().ToList());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
