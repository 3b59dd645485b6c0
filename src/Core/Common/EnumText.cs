using System.Collections.Concurrent;

namespace BackOffice.Core.Common;

/// <summary>Wire names of enums: kebab-case ("in-progress", "p1"), the same in JSON, URLs, storage and CSV.</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Type, string[]> NameCache = new();

    public static string ToText<TEnum>(this TEnum value) where TEnum : struct, Enum => Kebab(value.ToString());

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Kebab(candidate.ToString()), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        NameCache.GetOrAdd(typeof(TEnum), _ => Enum.GetNames<TEnum>().Select(Kebab).ToArray());

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
