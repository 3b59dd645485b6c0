using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Rating;

public enum LineKind { Usage, LateUsage, PlatformFee, MinimumTopUp, SlaCredit, Adjustment }

/// <summary>
/// One line of a draft invoice, its amount rounded once to the currency's minor unit. Usage lines name their meter and tier;
/// a credit names the line and priority whose SLA was missed, so its breached items can be listed.
/// </summary>
public sealed record RatedLine(LineKind Kind, string Description, decimal Quantity, decimal? UnitPrice, decimal Amount, Meter? Meter = null,
    int? Tier = null, ServiceLine? ServiceLine = null, Priority? Priority = null);

/// <summary>A line and priority's SLA outcome for the period, as the SLA report gives it.</summary>
public sealed record SlaCreditBasis(ServiceLine ServiceLine, Priority Priority, decimal PercentWithinTarget, decimal TargetPercent, decimal CreditPercent);
