using System.Globalization;
using System.Text.Json;

namespace BackOffice.Core.Common;

/// <summary>Reads a JSON payload field by field, naming each bad one ("payload.pay.amount") in the request's errors.</summary>
public readonly struct PayloadReader(JsonElement element, FieldErrors errors, string path)
{
    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    private JsonElement? Get(string name) => IsObject && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string Path(string name) => $"{path}.{name}";

    public string? String(string name, int max, bool required = true)
    {
        var value = Get(name);
        if (value is { ValueKind: not JsonValueKind.String }) { errors.Add(Path(name), $"'{name}' must be text."); return null; }
        return required ? errors.Required(Path(name), value?.GetString(), max) : errors.Optional(Path(name), value?.GetString(), max);
    }

    /// <summary>A stock keeping unit, in the one format every SKU has (<see cref="Orders.Sku"/>).</summary>
    public string? Sku(string name) => Orders.Sku.Check(errors, Path(name), String(name, Orders.Sku.MaxLength));

    public DateOnly? Date(string name, bool required = true)
    {
        var text = String(name, 10, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(Path(name), $"'{name}' must be a date, yyyy-MM-dd.");
        return null;
    }

    /// <summary>A positive amount (or zero when <paramref name="allowZero"/>) with at most 2 decimals.</summary>
    public decimal? Money(string name, bool allowZero = false) => Number(name, 2, allowZero);

    /// <summary>A number above zero (or zero when <paramref name="allowZero"/>), below a billion, with at most <paramref name="decimals"/> decimals.</summary>
    public decimal? Number(string name, int decimals, bool allowZero = false, decimal max = 1_000_000_000m)
    {
        var value = Get(name);
        if (value is not { ValueKind: JsonValueKind.Number } || !value.Value.TryGetDecimal(out var amount)) { errors.Add(Path(name), $"'{name}' must be a number."); return null; }
        if (amount < 0 || (!allowZero && amount == 0) || amount >= max || decimal.Round(amount, decimals) != amount)
        {
            errors.Add(Path(name), $"'{name}' must be {(allowZero ? "zero or more" : "more than zero")} and under {max}, with at most {decimals} decimals.");
            return null;
        }
        return amount;
    }

    public string? Currency(string name)
    {
        var code = String(name, 3);
        if (code is null) return null;
        if (Currencies.IsKnown(code)) return code;
        errors.Add(Path(name), $"'{name}' must be an ISO 4217 code such as EUR.");
        return null;
    }

    public Guid? Id(string name, bool required = true)
    {
        var text = String(name, 64, required);
        if (text is null) return null;
        if (Guid.TryParse(text, out var id)) return id;
        errors.Add(Path(name), $"'{name}' must be an id.");
        return null;
    }

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, System.Enum => errors.Enum<TEnum>(Path(name), String(name, 40));

    public PayloadReader Object(string name)
    {
        var value = Get(name);
        if (value is not { ValueKind: JsonValueKind.Object }) errors.Add(Path(name), $"'{name}' is required, as an object.");
        return new PayloadReader(value ?? default, errors, Path(name));
    }

    public IReadOnlyList<PayloadReader> Array(string name, int max)
    {
        var value = Get(name);
        if (value is null) return [];
        if (value.Value.ValueKind != JsonValueKind.Array || value.Value.GetArrayLength() > max) { errors.Add(Path(name), $"'{name}' must be a list of at most {max}."); return []; }
        var prefix = Path(name);
        var errs = errors;
        return value.Value.EnumerateArray().Select((e, i) => new PayloadReader(e, errs, $"{prefix}[{i}]")).ToList();
    }

    public bool Has(string name) => Get(name) is not null;
}
