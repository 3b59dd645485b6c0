using System.Text.RegularExpressions;
using BackOffice.Core.Common;

namespace BackOffice.Core.Orders;

/// <summary>
/// A stock keeping unit: 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit. No '/' or spaces,
/// so every SKU is one path segment (<c>PUT .../inventory/{sku}</c>) and one CSV cell as it is.
/// </summary>
public static partial class Sku
{
    public const int MaxLength = 64;

    /// <summary>The SKU if well-formed, else null with an error on <paramref name="field"/>; null in, null out (already reported).</summary>
    public static string? Check(FieldErrors errors, string field, string? value)
    {
        if (value is null) return null;
        if (Format().IsMatch(value)) return value;
        errors.Add(field, $"'{field}' must be 1 to {MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
