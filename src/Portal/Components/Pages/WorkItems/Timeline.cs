using BackOffice.Core.WorkItems;
using BackOffice.Portal.Display;

namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>One line of an item's timeline: when, and who did what in words.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Text, string? Quote = null);

/// <summary>
/// An item's history told in words: "Alex Agent claimed it", "Sam Supervisor assigned it to Jo Agent". No ids or slugs
/// reach the page, and the SLA monitor's repeated marks fold into one line per clock.
/// </summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Of(WorkItem item, string zone, bool forClient)
    {
        var entries = new List<TimelineEntry>();
        var monitorMarked = new HashSet<string>();
        foreach (var change in item.History)
        {
            if (change.Action == WorkItemActions.RaisedInQueue && !monitorMarked.Add(change.Details.GetValueOrDefault("clock") ?? "")) continue;
            entries.Add(Describe(change, zone, forClient));
        }
        return entries;
    }

    private static TimelineEntry Describe(WorkItemChange c, string zone, bool forClient)
    {
        var who = Who(c);
        string? Detail(string key) => c.Details.GetValueOrDefault(key);
        return c.Action switch
        {
            WorkItemActions.Submitted => new(c.At, $"{who} submitted it"),
            WorkItemActions.Edited => new(c.At, $"{who} {Edits(c)}"),
            WorkItemActions.Claimed when Detail("previousAssignee") is { } before => new(c.At, $"{who} claimed it after {before}'s claim lapsed"),
            WorkItemActions.Claimed => new(c.At, $"{who} claimed it"),
            WorkItemActions.ClaimRenewed => new(c.At, $"{who} renewed the claim until {Time(Detail("leaseExpiresAt"), zone)}"),
            WorkItemActions.Assigned => new(c.At, $"{who} assigned it to {Detail("assignee")}"),
            WorkItemActions.Attached => new(c.At, $"{who} attached {Detail("fileName")}"),
            WorkItemActions.Cancelled => new(c.At, $"{who} cancelled it", Detail("reason")),
            WorkItemActions.StepDone => new(c.At, $"{who} ticked “{Names.Step(Detail("step") ?? "")}”"),
            WorkItemActions.StepUndone => new(c.At, $"{who} unticked “{Names.Step(Detail("step") ?? "")}”"),
            WorkItemActions.ReturnedToQueue when c.ActorSubject.StartsWith("system:", StringComparison.Ordinal) =>
                new(c.At, $"{Detail("previousAssignee") ?? "The agent"}'s claim lapsed, so it went back to the queue"),
            WorkItemActions.ReturnedToQueue => new(c.At, $"{who} handed it back to the queue", Detail("reason")),
            WorkItemActions.Resolved => new(c.At, $"{who} resolved it", Detail("resolution")),
            WorkItemActions.Closed when Detail("confirmed") == "false" => new(c.At, "It closed on its own: the confirmation window ended"),
            WorkItemActions.Closed => new(c.At, $"{who} confirmed the work and closed it", Detail("note")),
            WorkItemActions.AskedClient => new(c.At, $"{who} asked {(forClient ? "you" : "the client")} a question", Detail("question")),
            WorkItemActions.ClientAnswered => new(c.At, $"{who} answered", Detail("answer")),
            WorkItemActions.SlaReplayed => new(c.At, $"{who} recalculated the SLA clocks", Detail("reason")),
            WorkItemActions.RaisedInQueue => new(c.At, $"The SLA monitor marked it at risk on the {ClockName(Detail("clock"))} clock and moved it up its queue"),
            _ => new(c.At, $"{who} {Names.Slug(c.Action).ToLowerInvariant()}"),
        };
    }

    private static string Who(WorkItemChange c) => c.ActorSubject.StartsWith("system:", StringComparison.Ordinal) ? c.ActorName switch
    {
        "sla-monitor" => "The SLA monitor",
        "auto-close" => "The platform",
        "lease-sweeper" => "The platform",
        var other => $"The {Names.Slug(other).ToLowerInvariant()}",
    } : c.ActorName;

    private static string Edits(WorkItemChange c)
    {
        var parts = new List<string>();
        if (c.Details.GetValueOrDefault("priority") is { } p && p.Split(" -> ") is [var from, var to])
            parts.Add($"changed the priority from {Names.Slug(from)} to {Names.Slug(to)}");
        if (c.Details.ContainsKey("title")) parts.Add($"renamed it “{c.Details["title"]}”");
        if (c.Details.ContainsKey("description")) parts.Add("changed the description");
        return parts.Count == 0 ? "edited it" : string.Join(" and ", parts);
    }

    private static string ClockName(string? clock) => clock == "first-response" ? "first response" : "resolution";

    private static string Time(string? iso, string zone) =>
        DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? ZonedTimes.Format(at, zone) : "later";
}
