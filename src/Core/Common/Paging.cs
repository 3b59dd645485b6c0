namespace BackOffice.Core.Common;

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>
    /// A keyset page of a list read whole (one document), in <paramref name="key"/> order, descending if asked; the cursor
    /// is the last key served, so items added meanwhile neither repeat nor shift a page.
    /// </summary>
    public static Page<T> Keyset<T>(IEnumerable<T> items, Func<T, string> key, bool descending, int size, string? cursor)
    {
        var after = Cursor.Decode(cursor);
        var ordered = descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal);
        var rest = after is null ? ordered : ordered.Where(i => (descending ? -1 : 1) * string.CompareOrdinal(key(i), after) > 0);
        var page = rest.Take(size + 1).ToList();
        return new Page<T>(page.Take(size).ToList(), page.Count > size ? Cursor.Encode(key(page[size - 1])) : null);
    }

    public static int PageSize(FieldErrors errors, int? requested)
    {
        if (requested is null) return DefaultPageSize;
        if (requested is >= 1 and <= MaxPageSize) return requested.Value;
        errors.Add("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        return DefaultPageSize;
    }

    /// <summary>The page size asked for, or a 400 naming "pageSize".</summary>
    public static int Size(int? requested)
    {
        var errors = new FieldErrors();
        var size = PageSize(errors, requested);
        errors.ThrowIfAny();
        return size;
    }
}
