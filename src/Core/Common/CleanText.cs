using System.Buffers;
using System.Globalization;
using System.Text;

namespace BackOffice.Core.Common;

/// <summary>
/// The one rule for text a person sends in: no control or format characters (NUL, ESC, bidi overrides such as U+202E,
/// zero-width spaces and other invisible characters, but for the joiners scripts and emoji need), which would let stored
/// text hide or reorder what others see. Multi-line
/// text (descriptions, comments, questions, answers, notes, reasons) may hold tabs and line breaks; single-line text may not.
/// </summary>
public static class CleanText
{
    // Format characters that writing needs: Persian and Indic scripts, and emoji sequences such as 👩‍💻.
    private const int ZeroWidthNonJoiner = 0x200C, ZeroWidthJoiner = 0x200D;

    /// <summary>The first character the rule refuses, as "U+202E"; null when the text is clean.</summary>
    public static string? FirstRefused(string value, bool multiLine)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done) return $"U+{(int)rest[0]:X4}";
            rest = rest[used..];
            if (multiLine && rune.Value is '\t' or '\n' or '\r' || rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner) continue;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return $"U+{rune.Value:X4}";
        }
        return null;
    }
}
