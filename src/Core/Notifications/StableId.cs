using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Core.Notifications;

/// <summary>Ids derived from what they name (an event and a person, a person and a day), so doing it again finds the same row.</summary>
public static class StableId
{
    public static Guid From(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8: custom, so it never passes for a random or time-ordered id
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
