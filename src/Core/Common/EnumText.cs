using System.Collections.Concurrent;

namespace BackOffice.Core.Common;

/// <summary>Wire names of enums: kebab-case ("in-progress", "p1"), the same in JSON, URLs, storage and CSV.</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Type, string[]> NameCache = new();

    public static string ToText<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Known<TEnum>.Texts.TryGetValue(value, out var text) ? text : Kebab(value.ToString());

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        Known<TEnum>.ByText.TryGetValue(text.Trim(), out value);

    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        NameCache.GetOrAdd(typeof(TEnum), _ => Enum.GetNames<TEnum>().Select(Kebab).ToArray());

    /// <summary>Each enum's names, worked out once: every stored row and every answer converts several.</summary>
    private static class Known<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Texts = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly Dictionary<string, TEnum> ByText = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
