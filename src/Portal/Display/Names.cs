using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Portal.Display;

/// <summary>What people read instead of slugs: lines, statuses, priorities, work types, checklist steps and actions have names.</summary>
public static class Names
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hr"] = "HR", ["p1"] = "P1 · Urgent", ["p2"] = "P2 · High", ["p3"] = "P3 · Normal", ["p4"] = "P4 · Low",
        ["sku"] = "SKU", ["iban"] = "IBAN", ["csv"] = "CSV", ["sla"] = "SLA", ["vat"] = "VAT", ["id"] = "ID",
    };

    public static string Line(ServiceLine line) => line switch
    {
        ServiceLine.Hr => "HR",
        ServiceLine.Billing => "Billing",
        ServiceLine.Orders => "Orders",
        _ => line.ToString(),
    };

    public static string Priority(Priority priority) => Slug(priority.ToString());

    /// <summary>A status as the reader sees it: a client reads "waiting on you" where staff read "waiting on client".</summary>
    public static string Status(WorkItemStatus status, bool forClient = false) => status switch
    {
        WorkItemStatus.New => "New",
        WorkItemStatus.InProgress => "In progress",
        WorkItemStatus.WaitingOnClient => forClient ? "Waiting on you" : "Waiting on client",
        WorkItemStatus.Resolved => forClient ? "Resolved, awaiting your confirmation" : "Resolved, awaiting confirmation",
        WorkItemStatus.Closed => "Closed",
        WorkItemStatus.Cancelled => "Cancelled",
        _ => Slug(status.ToString()),
    };

    public static string TenantStatus(TenantStatus status) => Slug(status.ToString());

    public static string WorkType(string type) => Slug(type);

    public static string Step(string step) => Slug(step);

    /// <summary>"right-to-work-checked" reads "Right to work checked"; known abbreviations keep their capitals.</summary>
    public static string Slug(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) return "";
        if (Words.TryGetValue(slug, out var known)) return known;
        var words = SplitWords(slug).Select((w, i) => Words.TryGetValue(w, out var k) ? k : i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w);
        return string.Join(' ', words);
    }

    private static IEnumerable<string> SplitWords(string slug)
    {
        var spaced = System.Text.RegularExpressions.Regex.Replace(slug, "(?<=[a-z0-9])(?=[A-Z])", " ");
        return spaced.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());
    }
}
