namespace BackOffice.Core.Common;

/// <summary>Collects field errors while a request is checked; throws them together.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <param name="multiLine">Tabs and line breaks are allowed; other control characters never are (<see cref="CleanText"/>).</param>
    public string? Required(string field, string? value, int maxLength, bool multiLine = false)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, $"'{field}' is required."); return null; }
        return Checked(field, value.Trim(), maxLength, multiLine);
    }

    /// <param name="multiLine">Tabs and line breaks are allowed; other control characters never are (<see cref="CleanText"/>).</param>
    public string? Optional(string field, string? value, int maxLength, bool multiLine = false) =>
        string.IsNullOrWhiteSpace(value) ? null : Checked(field, value.Trim(), maxLength, multiLine);

    public TEnum? Enum<TEnum>(string field, string? value, bool required = true) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"'{field}' is required.");
            return null;
        }
        if (EnumText.TryParse<TEnum>(value, out var parsed)) return parsed;
        Add(field, $"'{value}' is not a known value; use one of: {string.Join(", ", EnumText.Names<TEnum>())}.");
        return null;
    }

    public void ThrowIfAny()
    {
        if (!IsEmpty) throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private string? Checked(string field, string value, int maxLength, bool multiLine)
    {
        if (CleanText.FirstRefused(value, multiLine) is { } refused)
        {
            Add(field, $"'{field}' holds a control or invisible character ({refused}){(multiLine ? "" : "; it must be a single line")}.");
            return null;
        }
        if (value.Length <= maxLength) return value;
        Add(field, $"'{field}' must be at most {maxLength} characters.");
        return null;
    }
}
