using BackOffice.Core.Common;
using BackOffice.Core.WorkItems.ReadWorkItems;

namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>
/// What the item page gives its sections: the item as read, the reader, whether they hold its claim, and
/// <see cref="Act"/>, which runs a use case under the version read and shows its refusal in the section named.
/// </summary>
public sealed record ItemContext(WorkItemView View, Actor Reader, bool Holds, Func<string, Func<Actor, long, Task>, Task<bool>> Act,
    Func<string, string?> ProblemIn, Func<string, string?> ErrorFor, string? ActedIn)
{
    public string Zone => View.TimeZone;

    /// <summary>The error of <paramref name="field"/> after an action of <paramref name="section"/>, naming the field by its label.</summary>
    public string? ErrorBeside(string section, string field, string label) =>
        ActedIn == section ? ErrorFor(field)?.Replace($"'{field}'", $"“{label}”", StringComparison.Ordinal) : null;
}
