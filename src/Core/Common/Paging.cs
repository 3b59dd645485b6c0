namespace BackOffice.Core.Common;

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static int PageSize(FieldErrors errors, int? requested)
    {
        if (requested is null) return DefaultPageSize;
        if (requested is >= 1 and <= MaxPageSize) return requested.Value;
        errors.Add("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        return DefaultPageSize;
    }
}
