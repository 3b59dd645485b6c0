namespace BackOffice.Core.Common;

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Page <paramref name="page"/> (from 1) of an in-memory list, for lists read whole; bad values name their field.</summary>
    public static IReadOnlyList<T> Slice<T>(IEnumerable<T> rows, int? page, int? pageSize)
    {
        var errors = new FieldErrors();
        var size = PageSize(errors, pageSize);
        if (page is < 1) errors.Add("page", "'page' starts at 1.");
        errors.ThrowIfAny();
        return rows.Skip(((page ?? 1) - 1) * size).Take(size).ToList();
    }

    public static int PageSize(FieldErrors errors, int? requested)
    {
        if (requested is null) return DefaultPageSize;
        if (requested is >= 1 and <= MaxPageSize) return requested.Value;
        errors.Add("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        return DefaultPageSize;
    }
}
