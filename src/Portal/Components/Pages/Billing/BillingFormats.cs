using System.Globalization;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Portal.Components.Pages.Billing;

/// <summary>How billing reads on screen: money in its currency's minor units with the code, periods and statuses in words.</summary>
public static class BillingFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"1,234.50 USD", "1,234 JPY", "12.345 KWD": as many decimals as the currency has minor units.</summary>
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("N" + MinorUnits(currency), Invariant)} {currency}";

    public static string? Money(decimal? amount, string currency) => amount is { } a ? Money(a, currency) : null;

    /// <summary>A unit price: the currency's decimals at least, and as many more as the plan gave it (prices go to a millionth).</summary>
    public static string UnitPrice(decimal price, string currency)
    {
        var minor = MinorUnits(currency);
        var format = "#,0" + (minor > 0 ? "." + new string('0', minor) : ".") + new string('#', 6 - minor);
        return $"{price.ToString(format, Invariant).TrimEnd('.')} {currency}";
    }

    public static int MinorUnits(string currency) => Currencies.TryGet(currency, out var c) ? c.MinorUnits : 2;

    public static string Units(decimal quantity) => quantity.ToString("#,0.####", Invariant);

    /// <summary>"November 2026".</summary>
    public static string Period(BillingPeriod period) => period.FirstDay.ToString("MMMM yyyy", Invariant);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Invariant) ?? "—";

    public static string Meter(Meter meter) => Meters.Of(meter).Name;

    public static string Status(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PaymentFailed => "Payment failed",
        _ => status.ToString(),
    };

    public static string Status(RunStatus status) => status.ToString();

    public static string Kind(LineKind kind) => kind switch
    {
        LineKind.LateUsage => "Late usage",
        LineKind.PlatformFee => "Platform fee",
        LineKind.MinimumTopUp => "Minimum top-up",
        LineKind.SlaCredit => "SLA credit",
        _ => kind.ToString(),
    };

    public static string Sla(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.NotMeasured => "Not measured",
        SlaOutcome.Running => "Clock running",
        SlaOutcome.WithinTarget => "Within target",
        _ => "Breached",
    };

    /// <summary>Whether a line opens down to work: usage (its entries and items) and SLA credits (the breached items).</summary>
    public static bool Opens(RatedLine line) => line.Kind is LineKind.Usage or LineKind.LateUsage or LineKind.SlaCredit;

    /// <summary>Issued invoices: those the issuer numbered, whatever became of them since.</summary>
    public static bool IsIssued(TenantInvoice invoice) => invoice.IssuedAt is not null;
}
