namespace BackOffice.Core.WorkItems;

/// <summary>One entry of an item's history: who did what, when, and the fields it changed.</summary>
public sealed record WorkItemChange(DateTimeOffset At, string ActorSubject, string ActorName, string Action, IReadOnlyDictionary<string, string?> Details);

/// <summary>The actions an item's history records; replays read the history by them.</summary>
public static class WorkItemActions
{
    public const string Submitted = "submitted";
    public const string Edited = "edited";
    public const string Claimed = "claimed";
    public const string ClaimRenewed = "claim-renewed";
    public const string Assigned = "assigned";
    public const string Attached = "attached";
    public const string Cancelled = "cancelled";
    public const string StepDone = "step-done";
    public const string StepUndone = "step-undone";
    public const string ReturnedToQueue = "returned-to-queue";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string AskedClient = "asked-client";
    public const string ClientAnswered = "client-answered";
    public const string SlaReplayed = "sla-replayed";
    public const string RaisedInQueue = "raised-in-queue";
}
