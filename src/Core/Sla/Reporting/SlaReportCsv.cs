using System.Globalization;
using System.Text;
using BackOffice.Core.Common;

namespace BackOffice.Core.Sla.Reporting;

/// <summary>The report as CSV (RFC 4180, invariant culture), one row per service line and priority.</summary>
public static class SlaReportCsv
{
    private const string Header = "service_line,priority,items,resolved,within_target,percent_within_target,breaches,first_response_median_min,first_response_p90_min,resolution_median_min,resolution_p90_min,compliance_target_percent,credit_percent_owed";

    public static string Write(SlaReport report)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var r in report.Rows)
            csv.AppendJoin(',', [r.ServiceLine.ToText(), r.Priority.ToText(), N(r.Items), N(r.Resolved), N(r.WithinTarget), N(r.PercentWithinTarget), N(r.Breaches),
                N(r.FirstResponseMedian), N(r.FirstResponseP90), N(r.ResolutionMedian), N(r.ResolutionP90), N(r.ComplianceTargetPercent), N(r.CreditPercentOwed)]).Append("\r\n");
        return csv.ToString();
    }

    private static string N(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";
}
