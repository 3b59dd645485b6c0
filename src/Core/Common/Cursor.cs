using System.Buffers.Text;
using System.Text;

namespace BackOffice.Core.Common;

/// <summary>Opaque keyset-paging cursors: the last key of a page, base64url-encoded.</summary>
public static class Cursor
{
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw Invalid(); }
    }

    public static ValidationException Invalid() =>
        new(new Dictionary<string, string[]> { ["cursor"] = ["'cursor' is not one this API handed out."] });
}
