using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>
/// What was typed into a payload form, kept as text so nothing typed is lost, and turned into the JSON the core
/// validates: a number that does not read as one is sent as text, for the core to name the field.
/// </summary>
public sealed class PayloadValues
{
    private readonly Dictionary<string, string?> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dictionary<string, string?>>> _lists = new(StringComparer.Ordinal);

    public string? Get(string key) => _fields.GetValueOrDefault(key);

    public void Set(string key, string? value) => _fields[key] = value;

    /// <summary>The rows of a list; a new list starts with one empty row to fill in.</summary>
    public List<Dictionary<string, string?>> Rows(string list) =>
        _lists.TryGetValue(list, out var rows) ? rows : _lists[list] = [new(StringComparer.Ordinal)];

    public void AddRow(string list) => Rows(list).Add(new(StringComparer.Ordinal));

    public void RemoveRow(string list, int index) => Rows(list).RemoveAt(index);

    public JsonElement ToJson(PayloadForm form)
    {
        var root = new JsonObject();
        foreach (var field in form.Fields) Put(root, field, Get(field.Key));
        foreach (var list in form.Lists)
        {
            var rows = Rows(list.Key).Select(row =>
            {
                var item = new JsonObject();
                foreach (var field in list.Fields) Put(item, field, row.GetValueOrDefault(field.Key));
                return (JsonNode)item;
            });
            root[list.Key] = new JsonArray([.. rows]);
        }
        return root.Deserialize<JsonElement>();
    }

    /// <summary>An empty optional field is left out; a required one's parent object is always there, so a missing part is named.</summary>
    private static void Put(JsonObject root, PayloadField field, string? text)
    {
        var path = field.Key.Split('.');
        var value = Value(field, text);
        if (value is null && !(field.Required && path.Length > 1)) return;
        var target = root;
        foreach (var part in path[..^1]) target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
        if (value is not null) target[path[^1]] = value;
    }

    private static JsonNode? Value(PayloadField field, string? text)
    {
        if (field.Kind == FieldKind.Check) return bool.TryParse(text, out var on) && on ? JsonValue.Create(true) : null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (field.IsNumber && decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(field.Kind == FieldKind.Currency ? trimmed.ToUpperInvariant() : trimmed);
    }
}
