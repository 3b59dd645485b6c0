using BackOffice.Core.Common;

namespace BackOffice.Core.Notifications;

/// <summary>A person's new settings as a caller sends them: kinds and e-mail modes by their wire names, checked here.</summary>
/// <param name="Kinds">The kinds to change; kinds left out keep what they had.</param>
public sealed record PreferencesRequest(IReadOnlyList<KindPreferenceRequest?>? Kinds)
{
    /// <summary>The settings, or every field at fault (<c>kinds[0].email</c>) in <paramref name="errors"/>.</summary>
    public IReadOnlyList<KindPreference> Parse(FieldErrors errors, IReadOnlyList<NotificationKind> allowed)
    {
        if (Kinds is null) errors.Add("kinds", "'kinds' is required.");
        return (Kinds ?? []).Select((k, i) => Parse(errors, $"kinds[{i}]", k, allowed)).OfType<KindPreference>().ToList();
    }

    private static KindPreference? Parse(FieldErrors errors, string field, KindPreferenceRequest? row, IReadOnlyList<NotificationKind> allowed)
    {
        if (row is null)
        {
            errors.Add(field, $"'{field}' is required.");
            return null;
        }
        var kind = errors.Enum<NotificationKind>($"{field}.kind", row.Kind);
        if (kind is { } k && !allowed.Contains(k)) errors.Add($"{field}.kind", $"You cannot receive '{k.ToText()}' notifications.");
        if (row.InApp is null) errors.Add($"{field}.inApp", $"'{field}.inApp' is required.");
        var email = errors.Enum<EmailMode>($"{field}.email", row.Email);
        return kind is null || row.InApp is null || email is null ? null : new KindPreference(kind.Value, row.InApp.Value, email.Value);
    }
}

/// <summary>One kind's settings on the wire: whether the bell shows it, and how e-mail about it goes.</summary>
/// <param name="Kind">A notification kind: <c>question-asked</c>, <c>awaiting-confirmation</c>, <c>sla-breached</c>, <c>sla-at-risk</c>.</param>
/// <param name="Email">The e-mail channel: <c>immediately</c>, <c>digest</c> or <c>off</c>.</param>
public sealed record KindPreferenceRequest(string? Kind, bool? InApp, string? Email);
