namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>How a payload field is typed in, and how its text goes into the JSON the core validates.</summary>
public enum FieldKind { Text, LongText, Email, Date, Money, Number, Whole, Currency, Choice, Id, Check }

/// <param name="Key">Its path in the payload ("pay.amount"); the core names its errors "payload." + this.</param>
/// <param name="Required">Shown as required; a required field's object is always sent, so its errors land beside it.</param>
/// <param name="Choices">The wire names of a <see cref="FieldKind.Choice"/>, shown by <see cref="Display.Names.Slug"/>.</param>
public sealed record PayloadField(string Key, string Label, FieldKind Kind = FieldKind.Text, bool Required = false,
    IReadOnlyList<string>? Choices = null, string? Help = null)
{
    public bool IsNumber => Kind is FieldKind.Money or FieldKind.Number or FieldKind.Whole;
}

/// <summary>A repeated group of fields, such as an invoice's lines; sent as a JSON array under <see cref="Key"/>.</summary>
public sealed record PayloadList(string Key, string Label, string ItemLabel, IReadOnlyList<PayloadField> Fields);

/// <summary>The form of one work type's payload: its fields, then its lists.</summary>
public sealed record PayloadForm(IReadOnlyList<PayloadField> Fields, IReadOnlyList<PayloadList> Lists, string? Note = null)
{
    public static PayloadForm Of(params PayloadField[] fields) => new(fields, []);

    public PayloadForm With(PayloadList list) => this with { Lists = [.. Lists, list] };

    public PayloadForm Noting(string note) => this with { Note = note };
}
