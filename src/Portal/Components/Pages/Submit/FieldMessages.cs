namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>The core names a field by its path ("'payload.startDate' is required."); beside the field, its label reads better.</summary>
public static class FieldMessages
{
    public static string? Beside(string? message, string key, string label)
    {
        if (message is null) return null;
        var name = key[(key.LastIndexOf('.') + 1)..];
        return message.Replace($"'{key}'", label, StringComparison.Ordinal).Replace($"'{name}'", label, StringComparison.Ordinal);
    }
}
