namespace BackOffice.Core.WorkItems;

/// <summary>One entry of an item's history: who did what, when, and the fields it changed.</summary>
public sealed record WorkItemChange(DateTimeOffset At, string ActorSubject, string ActorName, string Action, IReadOnlyDictionary<string, string?> Details);
