using BackOffice.Core.Common;

namespace BackOffice.TenantApi.Http;

public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public static PageResponse<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) => new(page.Items.Select(map).ToList(), page.NextCursor);
}
