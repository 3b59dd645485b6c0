namespace BackOffice.Core.Common;

/// <summary>
/// A filtered page over a keyset-paged list that cannot filter itself (a filter on what is computed, like a status as of
/// today): the list is read on from the cursor, never more than the page still lacks at a time, so the list's own cursor
/// after the last read is exactly where the next page starts. A sparse filter may give a short page with a cursor; reading
/// stops after <see cref="MaxReads"/> reads so one page never scans a whole tenant.
/// </summary>
public static class FilteredPaging
{
    public const int MaxReads = 20;

    public static async Task<Page<T>> ReadAsync<T>(Func<int, string?, Task<Page<T>>> read, Func<T, bool> keep, int size, string? cursor)
    {
        var kept = new List<T>();
        var reads = 0;
        do
        {
            var page = await read(size - kept.Count, cursor);
            kept.AddRange(page.Items.Where(keep));
            cursor = page.NextCursor;
        }
        while (cursor is not null && kept.Count < size && ++reads < MaxReads);
        return new Page<T>(kept, cursor);
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="search"/> (any case); every text holds an empty search.</summary>
    public static bool Matches(string? text, string? search) =>
        string.IsNullOrWhiteSpace(search) || (text?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false);
}
