using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

/// <summary>Turns <see cref="SlaSettingsData"/> into a calendar and policies, naming every field at fault, and back.</summary>
public static class SlaSettingsParser
{
    public static (BusinessCalendar Calendar, IReadOnlyList<SlaPolicy> Policies) Parse(SlaSettingsData data, IReadOnlyList<ServiceLine> serviceLines)
    {
        var errors = new FieldErrors();
        var schedules = (data.Calendar?.Schedules ?? []).Select((s, i) => Schedule(errors, $"calendar.schedules[{i}]", s)).ToList();
        var holidays = (data.Calendar?.Holidays ?? []).Select((h, i) => Holiday(errors, $"calendar.holidays[{i}]", h)).ToList();
        var policies = (data.Policies ?? []).Select((p, i) => Policy(errors, $"policies[{i}]", p)).OfType<SlaPolicy>().ToList();
        foreach (var line in serviceLines)
            foreach (var priority in Enum.GetValues<Priority>())
            {
                var count = policies.Count(p => p.ServiceLine == line && p.Priority == priority);
                if (count != 1) errors.Add("policies", $"Give exactly one policy for {line.ToText()} {priority.ToText()} (found {count}).");
            }
        BusinessCalendar? calendar = null;
        try
        {
            if (errors.IsEmpty) calendar = BusinessCalendar.Create(data.Calendar?.TimeZone, schedules!, holidays!);
        }
        catch (ValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors) foreach (var message in messages) errors.Add($"calendar.{field}", message);
        }
        errors.ThrowIfAny();
        return (calendar!, policies);
    }

    public static SlaSettingsData Format(SlaSettings settings) => new(
        new CalendarData(settings.Calendar.TimeZone,
            settings.Calendar.Schedules.Select(s => new ScheduleData(s.EffectiveFrom.ToString("O", CultureInfo.InvariantCulture),
                s.Days.Where(d => d.Value.Count > 0).ToDictionary(d => d.Key.ToString().ToLowerInvariant(), d => (IReadOnlyList<string>)d.Value.Select(Interval).ToList()))).ToList(),
            settings.Calendar.Holidays.Select(h => new HolidayData(h.Date.ToString("O", CultureInfo.InvariantCulture), h.Name, h.Closed is { } c ? Interval(c) : null)).ToList()),
        settings.Policies.Select(p => new PolicyData(p.ServiceLine.ToText(), p.Priority.ToText(), (int)p.FirstResponseTarget.TotalMinutes,
            (int)p.ResolutionTarget.TotalMinutes, p.Mode.ToText(), p.WarningPercents, p.PausedStatuses.Select(s => s.ToText()).ToList(),
            p.ComplianceTargetPercent, p.CreditPercent, p.CreditCapPercent)).ToList());

    private static WeeklySchedule? Schedule(FieldErrors errors, string field, ScheduleData data)
    {
        var from = Date(errors, $"{field}.effectiveFrom", data.EffectiveFrom);
        var days = new Dictionary<DayOfWeek, IReadOnlyList<DayInterval>>();
        foreach (var (name, intervals) in data.Days ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day)) { errors.Add($"{field}.days", $"'{name}' is not a weekday name."); continue; }
            days[day] = intervals.Select(text => Interval(errors, $"{field}.days.{name}", text)).OfType<DayInterval>().ToList();
        }
        return from is null ? null : new WeeklySchedule(from.Value, days);
    }

    private static Holiday? Holiday(FieldErrors errors, string field, HolidayData data)
    {
        var date = Date(errors, $"{field}.date", data.Date);
        var name = errors.Required($"{field}.name", data.Name, 100);
        var closed = data.Closed is null ? null : Interval(errors, $"{field}.closed", data.Closed);
        return date is null || name is null ? null : new Holiday(date.Value, name, closed);
    }

    private static SlaPolicy? Policy(FieldErrors errors, string field, PolicyData data)
    {
        var line = errors.Enum<ServiceLine>($"{field}.serviceLine", data.ServiceLine);
        var priority = errors.Enum<Priority>($"{field}.priority", data.Priority);
        var mode = errors.Enum<ClockMode>($"{field}.mode", data.Mode ?? "business");
        if (data.FirstResponseMinutes is not > 0) errors.Add($"{field}.firstResponseMinutes", "Give a first-response target above zero minutes.");
        if (data.ResolutionMinutes is not > 0) errors.Add($"{field}.resolutionMinutes", "Give a resolution target above zero minutes.");
        else if (data.ResolutionMinutes < data.FirstResponseMinutes) errors.Add($"{field}.resolutionMinutes", "The resolution target cannot come before the first-response target.");
        var warnings = data.WarningPercents ?? [50, 80];
        if (warnings.Any(w => w is < 1 or > 99) || !warnings.SequenceEqual(warnings.Order().Distinct()))
            errors.Add($"{field}.warningPercents", "Warnings are distinct percentages between 1 and 99, in ascending order.");
        var paused = (data.PausedStatuses ?? ["waiting-on-client"]).Select(s => errors.Enum<WorkItemStatus>($"{field}.pausedStatuses", s)).ToList();
        var compliance = Percent(errors, $"{field}.complianceTargetPercent", data.ComplianceTargetPercent ?? 95m);
        var credit = Percent(errors, $"{field}.creditPercent", data.CreditPercent ?? 0m);
        var cap = data.CreditCapPercent is { } c ? Percent(errors, $"{field}.creditCapPercent", c) : (decimal?)null;
        if (cap is { } capped && capped < credit) errors.Add($"{field}.creditCapPercent", "The cap is at least the credit of one point below target.");
        if (line is null || priority is null || mode is null || data.FirstResponseMinutes is not > 0 || data.ResolutionMinutes is not > 0 || paused.Any(p => p is null)) return null;
        return new SlaPolicy(line.Value, priority.Value, TimeSpan.FromMinutes(data.FirstResponseMinutes.Value), TimeSpan.FromMinutes(data.ResolutionMinutes.Value),
            mode.Value, warnings, paused.Select(p => p!.Value).ToList(), compliance, credit, cap);
    }

    private static decimal Percent(FieldErrors errors, string field, decimal value)
    {
        if (value is < 0 or > 100) errors.Add(field, "Give a percentage between 0 and 100.");
        return value;
    }

    private static DateOnly? Date(FieldErrors errors, string field, string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"'{text}' is not a date (yyyy-MM-dd).");
        return null;
    }

    private static DayInterval? Interval(FieldErrors errors, string field, string? text)
    {
        var parts = text?.Split('-');
        if (parts is { Length: 2 } && Minute(parts[0]) is { } start && Minute(parts[1]) is { } end && new DayInterval(start, end) is { IsValid: true } interval) return interval;
        errors.Add(field, $"'{text}' is not a local interval such as 09:00-17:30 (24:00 may end it).");
        return null;
    }

    private static int? Minute(string text) =>
        text.Trim() is { Length: 5 } t && t[2] == ':' && int.TryParse(t[..2], out var h) && int.TryParse(t[3..], out var m) && m is >= 0 and < 60 && h is >= 0 and <= 24 && h * 60 + m <= 1440
            ? h * 60 + m : null;

    private static string Interval(DayInterval i) => $"{i.StartMinute / 60:00}:{i.StartMinute % 60:00}-{i.EndMinute / 60:00}:{i.EndMinute % 60:00}";
}
