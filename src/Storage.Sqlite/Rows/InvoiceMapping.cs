using System.Globalization;
using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>
/// A tenant's invoice as a row: lines and usage as JSON (enums by their kebab-case names, amounts as JSON numbers written and read
/// as decimals, so exactly), the currency by its code, the due date as yyyy-MM-dd, instants as ticks, the total in minor units.
/// </summary>
internal static class InvoiceMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Row(string Id, string RunId, string TenantId, string TenantName, string Period, string Currency, string? DueDate,
        string Status, long TotalMinor, string Lines, string Usage, string? ExcludedReason, string? ExternalId, string? Number, string? HostedUrl,
        long? IssuedAt, long? PaidAt, long? LastPaymentEventAt, int RemindersSent, long? LastReminderAt, long Version)
    {
        public TenantInvoice ToInvoice() => TenantInvoice.Restore(Guid.Parse(Id), Guid.Parse(RunId), TenantId, TenantName,
            BillingPeriod.Parse(Period), Currencies.Get(Currency), ToDate(DueDate), LinesFromJson(Lines), UsageFromJson(Usage),
            EnumText.Parse<InvoiceStatus>(Status), ExcludedReason, ExternalId, Number, HostedUrl, Time.FromTicks(IssuedAt), Time.FromTicks(PaidAt),
            Time.FromTicks(LastPaymentEventAt), RemindersSent, Time.FromTicks(LastReminderAt), Version);
    }

    public const string Select = """
        SELECT id AS Id, run_id AS RunId, tenant_id AS TenantId, tenant_name AS TenantName, period AS Period, currency AS Currency,
            due_date AS DueDate, status AS Status, total_minor AS TotalMinor, lines AS Lines, usage AS Usage, excluded_reason AS ExcludedReason,
            external_id AS ExternalId, number AS Number, hosted_url AS HostedUrl, issued_at AS IssuedAt, paid_at AS PaidAt,
            last_payment_event_at AS LastPaymentEventAt, reminders_sent AS RemindersSent, last_reminder_at AS LastReminderAt, version AS Version
        FROM tenant_invoices
        """;

    private const string DateFormat = "yyyy-MM-dd";

    public static string? ToText(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? ToDate(string? text) => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static string LinesToJson(IEnumerable<InvoiceLine> lines) => JsonSerializer.Serialize(lines.Select(l => new LineData(l.Id,
        l.Rated.Kind.ToText(), l.Rated.Description, l.Rated.Quantity, l.Rated.UnitPrice, l.Rated.Amount, l.Rated.Meter?.ToText(), l.Rated.Tier,
        l.Rated.ServiceLine?.ToText(), l.Rated.Priority?.ToText(), l.AddedBy, l.Reason)).ToList(), Json);

    public static string UsageToJson(IEnumerable<MeterTotal> usage) =>
        JsonSerializer.Serialize(usage.Select(u => new UsageData(u.Meter.ToText(), u.Priority?.ToText(), u.Late, u.Quantity)).ToList(), Json);

    private static List<InvoiceLine> LinesFromJson(string json) => [.. JsonSerializer.Deserialize<List<LineData>>(json, Json)!.Select(l =>
        new InvoiceLine(l.Id, new RatedLine(EnumText.Parse<LineKind>(l.Kind), l.Description, l.Quantity, l.UnitPrice, l.Amount,
            Parse<Meter>(l.Meter), l.Tier, Parse<ServiceLine>(l.ServiceLine), Parse<Priority>(l.Priority)), l.AddedBy, l.Reason))];

    private static List<MeterTotal> UsageFromJson(string json) => [.. JsonSerializer.Deserialize<List<UsageData>>(json, Json)!
        .Select(u => new MeterTotal(EnumText.Parse<Meter>(u.Meter), Parse<Priority>(u.Priority), u.Late, u.Quantity))];

    private static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum => text is null ? null : EnumText.Parse<TEnum>(text);

    private sealed record LineData(Guid Id, string Kind, string Description, decimal Quantity, decimal? UnitPrice, decimal Amount, string? Meter,
        int? Tier, string? ServiceLine, string? Priority, string? AddedBy, string? Reason);

    private sealed record UsageData(string Meter, string? Priority, bool Late, decimal Quantity);
}
