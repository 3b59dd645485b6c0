using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>
/// The settings the platform reads, found by reflection: every options record of ours (a type with a SectionName
/// constant) by the paths of its properties, plus the AzureAd section that Microsoft.Identity.Web binds.
/// </summary>
public static class PlatformSettings
{
    public sealed record Pattern(Regex Regex)
    {
        public bool Matches(string name) => Regex.IsMatch(name);

        public static Pattern Of(string path) =>
            new(new Regex("^" + Regex.Escape(path).Replace(":\\*", ":[0-9]+", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase));
    }

    public static IReadOnlyList<Pattern> Read()
    {
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "BackOffice.*.dll")) Assembly.LoadFrom(file);
        var sections = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name!.StartsWith("BackOffice.", StringComparison.Ordinal) && !a.GetName().Name!.EndsWith("Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .Select(t => (t.Type, Section: t.Section!));
        var identity = new[] { typeof(Microsoft.Identity.Web.MicrosoftIdentityOptions), typeof(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions) }
            .Select(t => (Type: t, Section: "AzureAd"));
        return [.. sections.Concat(identity).SelectMany(s => Paths(s.Type, s.Section, depth: 0)).Select(Pattern.Of)];
    }

    private static IEnumerable<string> Paths(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var path = $"{prefix}:{property.Name}";
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(t)) yield return path;
            else if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t)) yield return $"{path}:*";
            else if (depth < 3 && t.IsClass) foreach (var nested in Paths(t, path, depth + 1)) yield return nested;
        }
    }

    private static bool IsLeaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Uri) || t == typeof(TimeSpan) || t == typeof(Guid)
        || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly);
}
