using System.Globalization;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// A tenant's invoice in its partition. Its id is its run's, so a run has one invoice per tenant (a second draft is a 409).
/// Amounts and quantities are JSON strings (the service keeps numbers as doubles, which would lose a decimal's digits and
/// scale); the total is in minor units for the tally; <see cref="ListKey"/> (period, then invoice id) is the lists' sort key.
/// </summary>
internal sealed class InvoiceDocument : TenantDocument
{
    public const string KindName = "tenant-invoice";

    public override string Kind { get; set; } = KindName;

    public required string InvoiceId { get; set; }

    public required string RunId { get; set; }

    public required string TenantName { get; set; }

    public required string Period { get; set; }

    public required string Currency { get; set; }

    public string? DueDate { get; set; }

    public required string Status { get; set; }

    public long TotalMinor { get; set; }

    public List<LineData> Lines { get; set; } = [];

    public List<UsageData> Usage { get; set; } = [];

    public string? ExcludedReason { get; set; }

    public string? ExternalId { get; set; }

    public string? Number { get; set; }

    public string? HostedUrl { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? LastPaymentEventAt { get; set; }

    public int RemindersSent { get; set; }

    public DateTimeOffset? LastReminderAt { get; set; }

    public long Version { get; set; }

    public required string ListKey { get; set; }

    public static string IdOf(Guid runId) => $"tenant-invoice-{runId:D}";

    public static string? ToText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static InvoiceDocument From(TenantInvoice i) => new()
    {
        Id = IdOf(i.RunId), TenantId = i.TenantId, InvoiceId = i.Id.ToString("D"), RunId = i.RunId.ToString("D"), TenantName = i.TenantName,
        Period = i.Period.ToString(), Currency = i.Currency.Code, DueDate = ToText(i.DueDate), Status = i.Status.ToText(), TotalMinor = i.Currency.ToMinor(i.Total),
        Lines = [.. i.Lines.Select(l => new LineData(l.Id, l.Rated.Kind.ToText(), l.Rated.Description, l.Rated.Quantity, l.Rated.UnitPrice, l.Rated.Amount,
            l.Rated.Meter?.ToText(), l.Rated.Tier, l.Rated.ServiceLine?.ToText(), l.Rated.Priority?.ToText(), l.AddedBy, l.Reason))],
        Usage = [.. i.Usage.Select(u => new UsageData(u.Meter.ToText(), u.Priority?.ToText(), u.Late, u.Quantity))],
        ExcludedReason = i.ExcludedReason, ExternalId = i.ExternalId, Number = i.Number, HostedUrl = i.HostedUrl, IssuedAt = i.IssuedAt, PaidAt = i.PaidAt,
        LastPaymentEventAt = i.LastPaymentEventAt, RemindersSent = i.RemindersSent, LastReminderAt = i.LastReminderAt, Version = i.Version,
        ListKey = $"{i.Period}|{i.Id:D}",
    };

    public TenantInvoice ToInvoice() => TenantInvoice.Restore(Guid.Parse(InvoiceId), Guid.Parse(RunId), TenantId, TenantName, BillingPeriod.Parse(Period),
        Currencies.Get(Currency), DueDate is null ? null : DateOnly.ParseExact(DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. Lines.Select(l => new InvoiceLine(l.Id, new RatedLine(EnumText.Parse<LineKind>(l.Kind), l.Description, l.Quantity, l.UnitPrice, l.Amount,
            Parse<Meter>(l.Meter), l.Tier, Parse<ServiceLine>(l.ServiceLine), Parse<Priority>(l.Priority)), l.AddedBy, l.Reason))],
        [.. Usage.Select(u => new MeterTotal(EnumText.Parse<Meter>(u.Meter), Parse<Priority>(u.Priority), u.Late, u.Quantity))],
        EnumText.Parse<InvoiceStatus>(Status), ExcludedReason, ExternalId, Number, HostedUrl, IssuedAt, PaidAt, LastPaymentEventAt, RemindersSent,
        LastReminderAt, Version);

    private static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum => text is null ? null : EnumText.Parse<TEnum>(text);

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public sealed record LineData(Guid Id, string Kind, string Description, decimal Quantity, decimal? UnitPrice, decimal Amount, string? Meter,
        int? Tier, string? ServiceLine, string? Priority, string? AddedBy, string? Reason);

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public sealed record UsageData(string Meter, string? Priority, bool Late, decimal Quantity);
}
