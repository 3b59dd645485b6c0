using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;

namespace BackOffice.Core.Tenancy.OnboardTenant;

/// <summary>
/// The SLA given with a new tenant, checked by the same parser and limits as a later change, with every field named under
/// "sla." (as "sla.policies[3].resolutionMinutes"). The calendar is in the tenant's zone unless it names its own.
/// </summary>
public static class OnboardingSla
{
    public static (BusinessCalendar Calendar, IReadOnlyList<SlaPolicy> Policies)? Check(FieldErrors errors, SlaSettingsData data, string zone,
        IReadOnlyList<ServiceLine> lines, DateTimeOffset now)
    {
        var zoned = data with { Calendar = (data.Calendar ?? new CalendarData(null, null, null)) is var c && c.TimeZone is null ? c with { TimeZone = zone } : c };
        try
        {
            var (calendar, policies) = SlaSettingsParser.Parse(zoned, lines);
            SlaLimits.Check(zoned, calendar, policies, now);
            return (calendar, policies);
        }
        catch (ValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors) foreach (var message in messages) errors.Add($"sla.{field}", message);
            return null;
        }
    }

    /// <summary>The version a new tenant starts under: the first after the platform default.</summary>
    public static SlaSettings FirstVersion(Tenant tenant, BusinessCalendar calendar, IReadOnlyList<SlaPolicy> policies, Actor by, DateTimeOffset now) =>
        SlaSettings.Default(tenant).Next(calendar, policies, by, now);
}
