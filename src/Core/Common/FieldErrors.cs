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

    public string? Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, $"'{field}' is required."); return null; }
        return MaxLength(field, value.Trim(), maxLength);
    }

    public string? Optional(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : MaxLength(field, value.Trim(), maxLength);

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

    private string? MaxLength(string field, string value, int maxLength)
    {
        if (value.Length <= maxLength) return value;
        Add(field, $"'{field}' must be at most {maxLength} characters.");
        return null;
    }
}
