using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;

namespace BackOffice.Core.Finance.Invoices;

/// <summary>
/// The stretch of a meter's on-time usage that one usage line of an invoice bills, counted in units from the period's oldest
/// entry: after the included units and the lines of the meter's earlier tiers. An entry belongs to the line when its units
/// fall (even partly) inside; an entry across a tier boundary belongs to both tiers' lines.
/// </summary>
public sealed record TierRange(decimal From, decimal To)
{
    /// <summary>The line's range; null when the line bills all of the meter's usage (one line, nothing included).</summary>
    /// <param name="onTime">The meter's on-time usage in the invoice's period.</param>
    public static TierRange? Of(TenantInvoice invoice, InvoiceLine line, decimal onTime)
    {
        if (line.Rated is not { Kind: LineKind.Usage, Meter: { } meter, Tier: > 0 }) return null;
        var lines = invoice.Lines.Where(l => l.Rated is { Kind: LineKind.Usage, Tier: > 0 } r && r.Meter == meter).OrderBy(l => l.Rated.Tier).ToList();
        var billed = lines.Sum(l => l.Rated.Quantity);
        var included = onTime - billed;
        if (lines.Count == 1 && included <= 0) return null;
        var before = lines.TakeWhile(l => l.Id != line.Id).Sum(l => l.Rated.Quantity);
        return new TierRange(included + before, included + before + line.Rated.Quantity);
    }

    /// <summary>Whether an entry of <paramref name="quantity"/> units, after <paramref name="unitsBefore"/>, falls inside.</summary>
    public bool Holds(decimal unitsBefore, decimal quantity) => unitsBefore + quantity > From && unitsBefore < To;
}
