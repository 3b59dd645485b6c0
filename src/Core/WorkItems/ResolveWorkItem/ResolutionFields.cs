using System.Globalization;
using System.Net.Mail;
using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems.ResolveWorkItem;

public enum ResolutionFieldKind { Text, Email, Date, Number, Choice }

/// <summary>One thing an agent records when resolving work of a type, for the client (say, a shipment's ship date).</summary>
/// <param name="Choices">The values a <see cref="ResolutionFieldKind.Choice"/> takes, as slugs.</param>
public sealed record ResolutionField(string Name, string Label, ResolutionFieldKind Kind, bool Required, int MaxLength = 60, IReadOnlyList<string>? Choices = null);

/// <summary>
/// The typed fields of each work type's resolution, checked by the same rules on every path (API, Portal) and kept in the
/// item's history beside what the resolution did to the tenant's records. Their names never clash with those outcome keys.
/// </summary>
public static class ResolutionFields
{
    private const string Prefix = "fields.";

    private static readonly Dictionary<string, ResolutionField[]> ByType = new(StringComparer.Ordinal)
    {
        ["new-hire"] = [new("employeeNumber", "Employee number in the client's HR system", ResolutionFieldKind.Text, true, 40),
            new("payrollReference", "Payroll reference", ResolutionFieldKind.Text, false, 40)],
        ["employee-change"] = [new("hrSystemReference", "HR system reference", ResolutionFieldKind.Text, false)],
        ["payroll-change"] = [new("firstPayrollRun", "First payroll run it applies to", ResolutionFieldKind.Date, true)],
        ["leave-request"] = [new("approvalReference", "Approval reference", ResolutionFieldKind.Text, false)],
        ["leaver"] = [new("finalPaymentDate", "Final payment date", ResolutionFieldKind.Date, true),
            new("leavingCertificate", "Leaving certificate", ResolutionFieldKind.Choice, true, Choices: ["issued", "not-needed"])],
        ["customer-invoice"] = [new("sentTo", "Sent to (e-mail)", ResolutionFieldKind.Email, true, 254)],
        ["payment-received"] = [new("bankTransactionId", "Bank transaction id", ResolutionFieldKind.Text, false)],
        ["collections-follow-up"] = [new("contactOutcome", "What the customer said", ResolutionFieldKind.Choice, true,
            Choices: ["promised-to-pay", "disputed", "no-answer", "already-paid"]), new("promisedOn", "Payment promised for", ResolutionFieldKind.Date, false)],
        ["vendor-bill"] = [new("paymentReference", "Payment reference", ResolutionFieldKind.Text, true)],
        ["fulfilment"] = [new("parcels", "Number of parcels", ResolutionFieldKind.Number, true)],
        ["shipment"] = [new("shippedOn", "Shipped on", ResolutionFieldKind.Date, true), new("expectedDelivery", "Expected delivery", ResolutionFieldKind.Date, false)],
        ["return"] = [new("goodsCondition", "Condition of the goods", ResolutionFieldKind.Choice, true, Choices: ["as-new", "damaged", "unsellable"]),
            new("refundReference", "Refund reference", ResolutionFieldKind.Text, false)],
    };

    /// <summary>The fields a resolution of <paramref name="type"/> takes, in the order a form shows them; none for most simple work.</summary>
    public static IReadOnlyList<ResolutionField> For(string type) => ByType.GetValueOrDefault(type) ?? [];

    /// <summary>The given values, checked and normalised (dates as yyyy-MM-dd); each error names its field as "fields.name".</summary>
    public static IReadOnlyDictionary<string, string> Check(string type, IReadOnlyDictionary<string, string?>? values, FieldErrors errors)
    {
        var fields = For(type);
        values ??= new Dictionary<string, string?>();
        var known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in values.Keys.Where(k => !known.Contains(k)))
            errors.Add(Prefix + unknown, fields.Count == 0
                ? $"A {type} takes no resolution fields."
                : $"'{unknown}' is not a resolution field of a {type}; use: {string.Join(", ", known)}.");
        var checkedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var raw = values.GetValueOrDefault(field.Name);
            var text = field.Required ? errors.Required(Prefix + field.Name, raw, field.MaxLength) : errors.Optional(Prefix + field.Name, raw, field.MaxLength);
            if (text is not null && Normalise(field, text, errors) is { } value) checkedValues[field.Name] = value;
        }
        return checkedValues;
    }

    private static string? Normalise(ResolutionField field, string text, FieldErrors errors)
    {
        var name = Prefix + field.Name;
        switch (field.Kind)
        {
            case ResolutionFieldKind.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                errors.Add(name, $"'{name}' must be a date as yyyy-MM-dd.");
                return null;
            case ResolutionFieldKind.Number when !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 9999:
                errors.Add(name, $"'{name}' must be a whole number from 1 to 9999.");
                return null;
            case ResolutionFieldKind.Choice when !field.Choices!.Contains(text, StringComparer.Ordinal):
                errors.Add(name, $"'{text}' is not a choice of '{name}'; use one of: {string.Join(", ", field.Choices!)}.");
                return null;
            case ResolutionFieldKind.Email when !MailAddress.TryCreate(text, out var address) || address.Address != text:
                errors.Add(name, $"'{name}' must be an e-mail address.");
                return null;
            default:
                return field.Kind == ResolutionFieldKind.Number ? int.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : text;
        }
    }

    /// <summary>Valid values for every field of <paramref name="type"/>, as the API's documentation and the demo data show them.</summary>
    public static Dictionary<string, string?> Example(string type, DateOnly today) => For(type).ToDictionary(f => f.Name, f => (string?)(f.Kind switch
    {
        ResolutionFieldKind.Date => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ResolutionFieldKind.Number => "1",
        ResolutionFieldKind.Choice => f.Choices![0],
        ResolutionFieldKind.Email => "accounts@example.com",
        _ => "REF-0001",
    }), StringComparer.Ordinal);

    /// <summary>What the item's latest resolution recorded in its typed fields; empty until it is resolved.</summary>
    public static IReadOnlyDictionary<string, string> Of(WorkItem item)
    {
        var resolved = item.History.LastOrDefault(h => h.Action == WorkItemActions.Resolved);
        if (resolved is null) return new Dictionary<string, string>();
        return For(item.Type).Where(f => resolved.Details.GetValueOrDefault(f.Name) is not null)
            .ToDictionary(f => f.Name, f => resolved.Details[f.Name]!, StringComparer.Ordinal);
    }
}
