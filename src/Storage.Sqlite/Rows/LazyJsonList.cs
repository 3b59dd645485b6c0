using System.Collections;
using System.Text.Json;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>A JSON array column read only when something enumerates it: a list of 50 items never parses 50 histories.</summary>
internal sealed class LazyJsonList<T>(string json, JsonSerializerOptions options) : IReadOnlyList<T>
{
    private List<T>? _items;

    private List<T> Items => _items ??= JsonSerializer.Deserialize<List<T>>(json, options) ?? [];

    public T this[int index] => Items[index];

    public int Count => Items.Count;

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
