namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>The list's filters as the address carries them (slugs, blank for any).</summary>
public sealed record WorkItemFilterValues(string? Status, string? Line, string? Type, string? Priority, string? Search);
