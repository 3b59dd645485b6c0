using BackOffice.Core.Common;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Metering.ReadUsage;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.TenantApi.Http;

namespace BackOffice.TenantApi.Finance;

public sealed record RunTallyResponse(string Status, string Currency, int Invoices, decimal Total);

public sealed record BillingRunResponse(Guid Id, string Period, string Status, string StartedBy, DateTimeOffset StartedAt, string? ApprovedBy,
    DateTimeOffset? ApprovedAt, DateTimeOffset? CompletedAt, long Version, string ETag, IReadOnlyList<RunTallyResponse> Tallies)
{
    public static BillingRunResponse From(BillingRun r, IReadOnlyList<RunTally>? tallies = null) => new(r.Id, r.Period.ToString(), r.Status.ToText(),
        r.StartedBy, r.StartedAt, r.ApprovedBy, r.ApprovedAt, r.CompletedAt, r.Version, ETags.Format(r.Version),
        [.. (tallies ?? []).Select(t => new RunTallyResponse(t.Status.ToText(), t.Currency, t.Invoices, t.Total))]);

    public static BillingRunResponse From(BillingRunView v) => From(v.Run, v.Tallies);
}

public sealed record InvoiceLineResponse(Guid Id, string Kind, string Description, decimal Quantity, decimal? UnitPrice, decimal Amount, string? Meter,
    int? Tier, string? ServiceLine, string? Priority, string? AddedBy, string? Reason)
{
    public static InvoiceLineResponse From(InvoiceLine l) => new(l.Id, l.Rated.Kind.ToText(), l.Rated.Description, l.Rated.Quantity, l.Rated.UnitPrice,
        l.Amount, l.Rated.Meter?.ToText(), l.Rated.Tier, l.Rated.ServiceLine?.ToText(), l.Rated.Priority?.ToText(), l.AddedBy, l.Reason);
}

public sealed record InvoiceResponse(Guid Id, Guid RunId, string TenantId, string TenantName, string Period, string Currency, string Status, decimal Total,
    decimal Credits, string? Number, DateOnly? DueDate, DateTimeOffset? IssuedAt, DateTimeOffset? PaidAt, string? HostedUrl, string? ExcludedReason,
    int RemindersSent, long Version, string ETag, IReadOnlyList<InvoiceLineResponse> Lines)
{
    public static InvoiceResponse From(TenantInvoice i) => new(i.Id, i.RunId, i.TenantId, i.TenantName, i.Period.ToString(), i.Currency.Code, i.Status.ToText(),
        i.Total, i.Credits, i.Number, i.DueDate, i.IssuedAt, i.PaidAt, i.HostedUrl, i.ExcludedReason, i.RemindersSent, i.Version, ETags.Format(i.Version),
        [.. i.Lines.Select(InvoiceLineResponse.From)]);
}

public sealed record UsageEntryResponse(Guid Id, string Meter, decimal Quantity, DateTimeOffset OccurredAt, string Period, bool Late, string Kind,
    Guid? ItemId, string? Priority, Guid? SourceEventId, string? AdjustedBy, string? Reason)
{
    public static UsageEntryResponse From(UsageEntry e) => new(e.Id, e.Meter.ToText(), e.Quantity, e.OccurredAt, e.Period.ToString(), e.Late, e.Kind.ToText(),
        e.ItemId, e.Priority?.ToText(), e.SourceEventId, e.AdjustedBy, e.Reason);
}

public sealed record BilledItemResponse(Guid Id, string Title, string Type, string Status, string Priority, string Sla, DateTimeOffset SubmittedAt)
{
    public static BilledItemResponse From(BilledItem i) => new(i.Id, i.Title, i.Type, i.Status.ToText(), i.Priority.ToText(), i.Sla.ToText(), i.SubmittedAt);
}

public sealed record BilledEntryResponse(UsageEntryResponse Entry, BilledItemResponse? Item);

/// <summary>A line opened up: its usage entries with their items (usage lines), or the breached items it credits (SLA credit lines).</summary>
public sealed record LineDrilldownResponse(Guid InvoiceId, InvoiceLineResponse Line, IReadOnlyList<BilledEntryResponse> Entries, string? NextCursor,
    IReadOnlyList<BilledItemResponse> BreachedItems)
{
    public static LineDrilldownResponse From(LineDrilldown d) => new(d.Invoice.Id, InvoiceLineResponse.From(d.Line),
        [.. d.Entries.Items.Select(e => new BilledEntryResponse(UsageEntryResponse.From(e.Entry), e.Item is null ? null : BilledItemResponse.From(e.Item)))],
        d.Entries.NextCursor, [.. d.BreachedItems.Select(BilledItemResponse.From)]);
}

public sealed record MeterUsageResponse(string Meter, string Name, string Unit, decimal Quantity, decimal Late);

public sealed record ChargeLineResponse(string Kind, string Description, decimal Quantity, decimal? UnitPrice, decimal Amount, string? Meter)
{
    public static ChargeLineResponse From(RatedLine l) => new(l.Kind.ToText(), l.Description, l.Quantity, l.UnitPrice, l.Amount, l.Meter?.ToText());
}

public sealed record UsageSummaryResponse(string TenantId, string TenantName, string Period, bool Closed, string Currency, IReadOnlyList<MeterUsageResponse> Meters,
    IReadOnlyList<ChargeLineResponse> Charges, decimal Total)
{
    public static MeterUsageResponse Meter(MeterUsageTotal m) =>
        new(m.Meter.ToText(), Core.Finance.Metering.Meters.Of(m.Meter).Name, Core.Finance.Metering.Meters.Of(m.Meter).Unit, m.Quantity, m.Late);

    public static UsageSummaryResponse From(UsageSummary s) => new(s.TenantId, s.TenantName, s.Period.ToString(), s.Closed, s.Currency,
        [.. s.Meters.Select(Meter)], [.. s.Charges.Select(ChargeLineResponse.From)], s.Total);
}

public sealed record UsageMonthResponse(string Period, IReadOnlyList<MeterUsageResponse> Meters);

public sealed record DunningResponse(string TenantId, IReadOnlyList<int> ReminderDays, int SuspendAfterDays, bool Paused, string? PausedReason, string? PausedBy,
    DateTimeOffset? PausedAt, DateTimeOffset? SuspendedByDunningAt, long Version, string ETag)
{
    public static DunningResponse From(TenantDunning d) => new(d.TenantId, d.ReminderDays, d.SuspendAfterDays, d.Paused, d.PausedReason, d.PausedBy, d.PausedAt,
        d.SuspendedByDunningAt, d.Version, ETags.Format(d.Version));
}

public sealed record OverdueInvoiceResponse(InvoiceResponse Invoice, int DaysOverdue, string TenantStatus, bool Paused, string? PausedReason,
    int? NextReminderDay, DateOnly SuspendsOn)
{
    public static OverdueInvoiceResponse From(OverdueInvoice o) => new(InvoiceResponse.From(o.Invoice), o.DaysOverdue, o.TenantStatus.ToText(),
        o.Dunning.Paused, o.Dunning.PausedReason, o.NextReminderDay, o.SuspendsOn);
}
