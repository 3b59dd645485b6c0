using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.OnboardTenant;
using BackOffice.Core.WorkItems;

namespace BackOffice.Portal.Components.Pages.Admin.Onboarding;

/// <summary>
/// What the onboarding wizard has gathered, as people enter it (hours, one directory per line), and the core's request
/// built from it. Policies are sent in <see cref="ActivePolicies"/> order, so "sla.policies[3]" is that list's fourth row.
/// </summary>
public sealed partial class OnboardingForm
{
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string? DisplayName { get; set; }
    public string? Id { get; set; }
    public HashSet<ServiceLine> Lines { get; } = [ServiceLine.Hr];
    public string? TimeZone { get; set; }
    public string? DirectoryIds { get; set; }
    public List<WorkingDay> Days { get; } = [.. Week.Select(d => new WorkingDay(d) { Open = d is not (DayOfWeek.Saturday or DayOfWeek.Sunday) })];
    public List<HolidayRow> Holidays { get; } = [];
    public List<PolicyRow> Policies { get; } = [.. Enum.GetValues<ServiceLine>().SelectMany(PolicyRow.Defaults)];
    public HashSet<ServiceLine> Dedicated { get; } = [];

    public IReadOnlyList<PolicyRow> ActivePolicies => Policies.Where(p => Lines.Contains(p.Line)).ToList();

    /// <summary>"Contoso Pharma Ltd" suggests "contoso-pharma-ltd", as long as the admin has not typed an id of their own.</summary>
    public static string SuggestId(string? name)
    {
        var slug = NotSlug().Replace((name ?? "").ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    public IReadOnlyList<string> DirectoryList => (DirectoryIds ?? "").Split(['\n', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public SlaSettingsData Sla() => new(
        new CalendarData(TimeZone, [new ScheduleData("2000-01-01", Days.Where(d => d.Open).ToDictionary(d => d.Day.ToString().ToLowerInvariant(), d => (IReadOnlyList<string>)[$"{d.Start}-{d.End}"]))],
            Holidays.Select(h => new HolidayData(h.Date, h.Name, null)).ToList()),
        ActivePolicies.Select(p => new PolicyData(p.Line.ToText(), p.Priority.ToText(), Minutes(p.FirstResponseHours), Minutes(p.ResolutionHours), "business", null, null,
            p.ComplianceTargetPercent, p.CreditPercent, p.CreditCapPercent)).ToList());

    /// <param name="upTo">The last step whose answers to include: 0 the company, 1 its SLA, 2 its queues.</param>
    public OnboardTenantRequest Request(int upTo = 2) => new(Id?.Trim(), DisplayName, Lines.Order().Select(l => l.ToText()).ToList(), TimeZone, DirectoryList,
        upTo >= 1 ? Sla() : null, upTo >= 2 ? Dedicated.Where(Lines.Contains).Order().Select(l => l.ToText()).ToList() : null);

    public SlaPreviewRequest Preview(ServiceLine line, Priority priority, DateTimeOffset? at) =>
        new(TimeZone, Lines.Select(l => l.ToText()).ToList(), Sla(), line.ToText(), priority.ToText(), at);

    /// <summary>The step that holds the field a core error names.</summary>
    public static int StepOf(string field) =>
        field.StartsWith("sla", StringComparison.Ordinal) ? 1 : field == "dedicatedLines" ? 2 : field is "id" or "displayName" or "serviceLines" or "timeZone" or "directoryIds" ? 0 : 3;

    private static int? Minutes(double? hours) => hours is { } h ? (int)Math.Round(h * 60) : null;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

public sealed class WorkingDay(DayOfWeek day)
{
    public DayOfWeek Day { get; } = day;
    public bool Open { get; set; }
    public string Start { get; set; } = "09:00";
    public string End { get; set; } = "17:00";
}

public sealed class HolidayRow
{
    public string? Date { get; set; }
    public string? Name { get; set; }
}

public sealed class PolicyRow(ServiceLine line, Priority priority, double firstResponseHours, double resolutionHours)
{
    public ServiceLine Line { get; } = line;
    public Priority Priority { get; } = priority;
    public double? FirstResponseHours { get; set; } = firstResponseHours;
    public double? ResolutionHours { get; set; } = resolutionHours;

    /// <summary>The share of the month's work to finish within target; below it, the tenant is credited (the platform default: 95%, 5% flat).</summary>
    public decimal? ComplianceTargetPercent { get; set; } = 95m;
    public decimal? CreditPercent { get; set; } = 5m;

    /// <summary>When set, the credit is <see cref="CreditPercent"/> per started point below target, up to this.</summary>
    public decimal? CreditCapPercent { get; set; }

    /// <summary>The platform's default targets (as <see cref="SlaSettings.Default"/>), as a starting point.</summary>
    public static IEnumerable<PolicyRow> Defaults(ServiceLine line) =>
        [new(line, Priority.P1, 1, 4), new(line, Priority.P2, 2, 8), new(line, Priority.P3, 4, 16), new(line, Priority.P4, 8, 40)];
}
