using System.Text;
using System.Text.RegularExpressions;

namespace Contradictions.Core.Text;

/// <summary>
/// Removes site residue that is not reporting: Markdown link debris, bare URLs, comment/follow/donate/contact lines,
/// agency credit lines, the seed format's <c> date YYYY-MM-DD</c> prefix, and section labels such as "Introduction:".
/// Line breaks are kept so paragraphs stay visible to the sentence splitter.
/// </summary>
public static partial class Cleaner
{
    public static CleanedText Clean(string original)
    {
        var sb = new StringBuilder(original.Length);
        var cleanStarts = new List<int>();
        var originalStarts = new List<int>();

        void Keep(int from, int to)
        {
            if (to <= from) return;
            // Merge with the previous segment when contiguous in both texts, to keep the map small.
            int n = cleanStarts.Count;
            if (n == 0 || originalStarts[n - 1] + (sb.Length - cleanStarts[n - 1]) != from)
            {
                cleanStarts.Add(sb.Length);
                originalStarts.Add(from);
            }
            sb.Append(original, from, to - from);
        }

        int lineStart = 0;
        bool first = true;
        while (lineStart <= original.Length)
        {
            int contentEnd = ContentEnd(original, lineStart, original.Length, out int nl);
            KeepLine(original, lineStart, contentEnd, first, Keep);
            first = false;

            if (nl < 0) break;
            Keep(nl, nl + 1);
            lineStart = nl + 1;
        }

        return new CleanedText(sb.ToString(), cleanStarts.ToArray(), originalStarts.ToArray(), original.Length);
    }

    /// <summary>
    /// The first sentence of <c>Clean(text[..limit])</c>, as <see cref="SentenceSplitter"/> splits it, or null: cleaning
    /// keeps or drops each line on its own and a line break always ends a sentence, so the lines are cleaned one at a
    /// time until one holds a sentence (an article's title needs its first line, not the whole text cleaned).
    /// </summary>
    public static string? FirstSentence(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        limit = Math.Min(limit, text.Length);
        var line = new StringBuilder();
        void Keep(int from, int to)
        {
            if (to > from) line.Append(text, from, to - from);
        }

        int lineStart = 0;
        bool first = true;
        while (lineStart <= limit)
        {
            int contentEnd = ContentEnd(text, lineStart, limit, out int nl);
            line.Clear();
            KeepLine(text, lineStart, contentEnd, first, Keep);
            first = false;
            if (line.Length > 0)
            {
                var cleaned = line.ToString();
                var spans = SentenceSplitter.Split(cleaned);
                if (spans.Count > 0) return spans[0].Slice(cleaned);
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        return null;
    }

    // Where the line starting at lineStart ends before its line break (and a '\r' before it), reading no further than
    // limit; nl is the line break's index, or -1 for the last line.
    private static int ContentEnd(string text, int lineStart, int limit, out int nl)
    {
        nl = text.IndexOf('\n', lineStart, limit - lineStart);
        int lineEnd = nl < 0 ? limit : nl;
        return lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    // One line's content (without its line break) as Clean keeps it: the seed format's date prefix on the first line,
    // residue lines dropped, Markdown markers, section labels and links removed.
    private static void KeepLine(string original, int lineStart, int contentEnd, bool first, Action<int, int> keep)
    {
        int contentStart = lineStart;
        if (first)
        {
            var date = DatePrefix().Match(original, lineStart, contentEnd - lineStart);
            if (date.Success) contentStart = date.Index + date.Length;
        }

        var line = original.AsSpan(contentStart, contentEnd - contentStart);
        if (IsResidueLine(line)) return;
        var marker = MarkdownMarker().Match(original, contentStart, contentEnd - contentStart);
        if (marker.Success) contentStart = marker.Index + marker.Length;
        var label = SectionLabel().Match(original, contentStart, contentEnd - contentStart);
        if (label.Success) contentStart = label.Index + label.Length;
        KeepWithoutLinks(original, contentStart, contentEnd, keep);
    }

    /// <summary>True for a line that is site furniture rather than reporting.</summary>
    public static bool IsResidueLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty) return false;
        if (trimmed.Length > 300) return false;
        if (OnlyLinks().IsMatch(trimmed)) return true;
        if (MayBeResidue(trimmed) && ResidueLine().IsMatch(trimmed)) return true;
        if (CreditLine().IsMatch(trimmed)) return true;
        return false;
    }

    // Every match of ResidueLine holds one of these words (case aside) or a "©": checking first skips the pattern for
    // most lines, which it otherwise tries at nearly every position. The pattern ignores case by the invariant
    // culture's rules, under which the Kelvin sign is a "k": a line with one always goes to the pattern too. The words
    // are all ASCII, so the search for them is the vectorised one.
    private static readonly System.Buffers.SearchValues<string> ResidueCues = System.Buffers.SearchValues.Create(
        ["post", "contact", "share", "subscribe", "sign up", "read more", "related", "advertisement", "comment", "leave a",
         "tag", "follow", "for the latest", "for more", "donat", "support us", "click here", "newsletter",
         "all rights reserved", "copyright", "email us"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> ResidueMarks = System.Buffers.SearchValues.Create("©\u212A");

    /// <summary>False only when <see cref="ResidueLine"/> cannot match <paramref name="line"/>.</summary>
    internal static bool MayBeResidue(ReadOnlySpan<char> line) => line.ContainsAny(ResidueMarks) || line.ContainsAny(ResidueCues);

    /// <summary>Whether the residue pattern matches, without the cue check (for tests of <see cref="MayBeResidue"/>).</summary>
    internal static bool ResiduePatternMatches(ReadOnlySpan<char> line) => ResidueLine().IsMatch(line);

    private static void KeepWithoutLinks(string text, int start, int end, Action<int, int> keep)
    {
        int pos = start;
        foreach (var m in InlineLink().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            int mStart = start + m.Index;
            keep(pos, mStart);
            // A Markdown link keeps its visible text ([text](url) -> text); empty brackets and bare URLs vanish.
            if (text[mStart] == '[')
            {
                int close = text.IndexOf(']', mStart);
                keep(mStart + 1, close);
            }
            pos = mStart + m.Length;
        }
        keep(pos, end);
    }

    [GeneratedRegex(@"\G\s*date\s+\d{4}-\d{2}-\d{2}\s*")]
    private static partial Regex DatePrefix();

    // Markdown heading, quote and bullet markers at a line start ("## Title", "> quote", "- item").
    [GeneratedRegex(@"\G[ \t]*(?:#{1,6}|>|[-*+•])[ \t]+")]
    private static partial Regex MarkdownMarker();

    [GeneratedRegex(@"\[[^\]\n]{0,300}\]\([^)\s]{0,2000}\)|https?://[^\s)\]]+")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^(?:\s*\[[^\]\n]*\]\([^)\s]*\)\s*)+$")]
    private static partial Regex OnlyLinks();

    [GeneratedRegex(@"^(?:post a comment|previous post|next post|contact(?: form| us)?$|share (?:this|on)|subscribe\b|sign up\b|read more\b|related(?: articles| posts| news)?:?$|advertisement$|comments?$|leave a (?:comment|reply)|tags?:)|\bfollow us on\b|\bplease follow\b|\bfollow developments on\b|\bfor (?:the latest|more) (?:news|updates)\b|\bto donate\b|\bdonate (?:to|now|here)\b|\bmake a donation\b|\bsupport us\b|\bclick here\b|\bnewsletter\b|\ball rights reserved\b|^copyright\b|^©|\bemail us\b|\bcontact us\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResidueLine();

    // "Agencies via Xinhua", "(Reuters)", "Source: AFP" credit lines: metadata, not a claim.
    [GeneratedRegex(@"^(?:\(?(?i:agencies|with agencies)\)?\s*(?i:via|/|and)\s*[\p{Lu}][\p{L}\-]*(?:\s[\p{Lu}][\p{L}\-]*){0,3}|(?i:source|sources|via)\s*:\s*[\p{Lu}][\p{L}\-]*(?:\s[\p{Lu}][\p{L}\-]*){0,3}|\((?:Reuters|AP|AFP|Xinhua|TASS|dpa)\))\.?$")]
    private static partial Regex CreditLine();

    // Section label glued to a paragraph ("Introduction: As the war..."). Single words are kept because
    // "Kremlin: ..." is a headline attribution, not a label.
    [GeneratedRegex(@"\G\s*(?:(?:Introduction|Background|Analysis|Conclusion|Summary|Context|Update|Editor['’]s note)|[\p{Lu}][\p{L}’']*(?:\s+(?:[\p{Lu}][\p{L}’'\-]*|and|of|the|for|a|in|on|&)){1,6}):\s+(?=[\p{Lu}])")]
    private static partial Regex SectionLabel();
}
