using System.Text.RegularExpressions;
using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>Limits and checks shared by every request that sets a work item's fields.</summary>
public static partial class WorkItemFields
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 10_000;
    public const int TypeMax = 60;
    public const int ResolutionMax = 4_000;

    public static string? Type(FieldErrors errors, string? value)
    {
        var type = errors.Required("type", value, TypeMax);
        if (type is not null && !TypePattern().IsMatch(type))
            errors.Add("type", "'type' must be lower-case words joined by dashes, e.g. 'new-hire'.");
        return type;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex TypePattern();
}
