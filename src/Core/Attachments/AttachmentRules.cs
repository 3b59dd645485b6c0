using BackOffice.Core.Common;

namespace BackOffice.Core.Attachments;

/// <summary>
/// What a file must be to be attached, judged by its name, type and size alone: the upload checks it, and a page checks
/// it before sending a byte, so both refuse the same files with the same words.
/// </summary>
public static class AttachmentRules
{
    /// <returns>The file's name (without any folder) and its bare media type; what is wrong goes into <paramref name="errors"/>.</returns>
    /// <param name="size">The file's size, when known before reading it.</param>
    public static (string? Name, string? Type) Check(AttachmentOptions options, FieldErrors errors, string? fileName, string? contentType, long? size)
    {
        var name = errors.Required("fileName", fileName is null ? null : Path.GetFileName(fileName), 200);
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !options.ContentTypes.Contains(type)) errors.Add("contentType", $"Allowed types: {string.Join(", ", options.ContentTypes)}.");
        if (size > options.MaxBytes) errors.Add("file", TooLarge(options));
        if (size == 0) errors.Add("file", Empty);
        return (name, type);
    }

    public const string Empty = "The file is empty.";

    public static string TooLarge(AttachmentOptions options) => $"Files are at most {options.MaxBytes / 1024 / 1024} MB.";
}
