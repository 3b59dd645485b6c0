using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>A JSON array column read only when something enumerates it: a list of 50 items never parses 50 histories.</summary>
internal sealed class LazyJsonList<T>(string json, JsonTypeInfo<List<T>> type) : IReadOnlyList<T>
{
    private List<T>? _items;

    private List<T> Items => _items ??= JsonSerializer.Deserialize(json, type) ?? [];

    /// <summary>The column's text as stored.</summary>
    public string Json => json;

    public T this[int index] => Items[index];

    public int Count => Items.Count;

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
