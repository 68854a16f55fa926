using System.Text.RegularExpressions;

namespace Contradictions.ML.Features;

/// <summary>
/// Splits a passage into sentence ranges for the best-matching-sentence features. Deliberately simple and
/// fast (the claim extractor has the careful splitter): line breaks, and sentence punctuation followed by
/// space and a capital, digit or quote.
/// </summary>
internal static partial class PassageSplitter
{
    public const int MaxSentences = 80;

    [GeneratedRegex(@"\n\s*|(?<=[.!?][""'”’)\]]?)\s+(?=[""'“‘(\[]?[A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    public static List<Range> Split(string text)
    {
        var ranges = new List<Range>();
        int start = 0;
        foreach (var match in Boundary().EnumerateMatches(text))
        {
            Add(text, start, match.Index, ranges);
            start = match.Index + match.Length;
            if (ranges.Count >= MaxSentences) return ranges;
        }
        Add(text, start, text.Length, ranges);
        return ranges;
    }

    private static void Add(string text, int start, int end, List<Range> ranges)
    {
        // Fragments without a word (stray punctuation, bullet marks) are not sentences.
        for (int i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                ranges.Add(start..end);
                return;
            }
        }
    }
}
