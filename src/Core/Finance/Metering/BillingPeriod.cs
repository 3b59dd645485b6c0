using System.Globalization;
using BackOffice.Core.Common;

namespace BackOffice.Core.Finance.Metering;

/// <summary>A tenant's calendar month in its own zone, written "2026-11": what usage counts in and an invoice covers.</summary>
public readonly record struct BillingPeriod(int Year, int Month) : IComparable<BillingPeriod>
{
    public static BillingPeriod Of(DateTimeOffset instant, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return new(local.Year, local.Month);
    }

    public BillingPeriod Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public BillingPeriod Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>When the period starts and ends, as instants, in the tenant's zone.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Bounds(string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        DateTimeOffset At(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            // A midnight the clock passes twice (it goes back from 01:00) begins the day the first time: at the larger offset.
            return new DateTimeOffset(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
        }
        return (At(FirstDay), At(FirstDay.AddMonths(1)));
    }

    public static bool TryParse(string? text, out BillingPeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        period = new(day.Year, day.Month);
        return true;
    }

    public static BillingPeriod Parse(string text) => TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (yyyy-MM).");

    /// <summary>The period in <paramref name="field"/>, or an error there.</summary>
    public static BillingPeriod? Parse(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(field, $"'{field}' is required."); return null; }
        if (TryParse(text.Trim(), out var period)) return period;
        errors.Add(field, $"'{text}' is not a period; write the month as yyyy-MM.");
        return null;
    }

    public int CompareTo(BillingPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(BillingPeriod a, BillingPeriod b) => a.CompareTo(b) < 0;
    public static bool operator >(BillingPeriod a, BillingPeriod b) => a.CompareTo(b) > 0;
    public static bool operator <=(BillingPeriod a, BillingPeriod b) => a.CompareTo(b) <= 0;
    public static bool operator >=(BillingPeriod a, BillingPeriod b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
