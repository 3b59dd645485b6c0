using BackOffice.Core.Common;

namespace BackOffice.Core.Exports;

public static class AllPages
{
    /// <summary>Exports stop at this many rows; a bigger export should be filtered.</summary>
    public const int ExportMax = 10_000;

    /// <summary>A keyset-paged list read page by page, the largest pages allowed, up to <paramref name="max"/> items: what a CSV export holds.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<int, string?, Task<Page<T>>> page, int max = ExportMax)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var next = await page(Paging.MaxPageSize, cursor);
            items.AddRange(next.Items);
            cursor = next.NextCursor;
        }
        while (cursor is not null && items.Count < max);
        return items.Count > max ? items[..max] : items;
    }
}
