using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Core.Common;

/// <summary>
/// Opaque keyset-paging cursors: the last key of a page behind a 4-byte check, base64url-encoded. The check makes any cursor
/// this API did not hand out (garbage, truncated, typed by hand) a 400 naming <c>cursor</c> on every list alike, rather than
/// a page that starts wherever the garbage happens to sort.
/// </summary>
public static class Cursor
{
    private const int CheckLength = 4;

    public static string Encode(string lastKey)
    {
        var key = Encoding.UTF8.GetBytes(lastKey);
        return Base64Url.EncodeToString([.. Check(key), .. key]);
    }

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(cursor); }
        catch (FormatException) { throw Invalid(); }
        if (bytes.Length <= CheckLength || !bytes.AsSpan(0, CheckLength).SequenceEqual(Check(bytes.AsSpan(CheckLength)))) throw Invalid();
        return Encoding.UTF8.GetString(bytes.AsSpan(CheckLength));
    }

    public static ValidationException Invalid() =>
        new(new Dictionary<string, string[]> { ["cursor"] = ["'cursor' is not one this API handed out."] });

    private static byte[] Check(ReadOnlySpan<byte> key) => SHA256.HashData(key)[..CheckLength];
}
