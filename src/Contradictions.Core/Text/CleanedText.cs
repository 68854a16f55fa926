namespace Contradictions.Core.Text;

/// <summary>
/// Text with site residue removed, plus a map back to the original: every cleaned character is a copy of an
/// original character, so spans found in <see cref="Text"/> can be reported against the original.
/// </summary>
public sealed class CleanedText
{
    // Parallel arrays of kept segments (cleaned start, original start); each segment is a contiguous copy.
    private readonly int[] _cleanStarts;
    private readonly int[] _originalStarts;

    internal CleanedText(string text, int[] cleanStarts, int[] originalStarts, int originalLength)
    {
        Text = text;
        _cleanStarts = cleanStarts;
        _originalStarts = originalStarts;
        OriginalLength = originalLength;
    }

    public string Text { get; }

    public int OriginalLength { get; }

    /// <summary>Original offset of the cleaned character at <paramref name="cleanedIndex"/> (or of the end, for Text.Length).</summary>
    public int ToOriginal(int cleanedIndex)
    {
        if (_cleanStarts.Length == 0) return 0;
        if (cleanedIndex >= Text.Length)
        {
            int last = _cleanStarts.Length - 1;
            return _originalStarts[last] + (Text.Length - _cleanStarts[last]);
        }
        int i = Array.BinarySearch(_cleanStarts, cleanedIndex);
        if (i < 0) i = ~i - 1;
        return _originalStarts[i] + (cleanedIndex - _cleanStarts[i]);
    }

    /// <summary>Maps a cleaned span to the original span that covers it (first to last character).</summary>
    public TextSpan ToOriginal(TextSpan cleaned)
    {
        if (cleaned.Length == 0) return new TextSpan(ToOriginal(cleaned.Start), 0);
        int start = ToOriginal(cleaned.Start);
        int end = ToOriginal(cleaned.End - 1) + 1;
        return new TextSpan(start, Math.Max(0, end - start));
    }
}
