using System.Globalization;

namespace BackOffice.Core.Billing;

/// <summary>
/// Invoice numbers as accountants expect them: one series per tenant and month of issue (<c>INV-202612</c>), numbered
/// <c>INV-202612-0001</c>, <c>-0002</c>, ... unique across the tenant's customers and without gaps. The store allocates
/// each number from the series' counter in the transaction that records the invoice.
/// </summary>
public static class InvoiceNumbers
{
    public const string Unnumbered = "";

    public static string Series(DateOnly issuedOn) => string.Create(CultureInfo.InvariantCulture, $"INV-{issuedOn:yyyyMM}");

    public static string Format(string series, long number) => string.Create(CultureInfo.InvariantCulture, $"{series}-{number:D4}");
}
