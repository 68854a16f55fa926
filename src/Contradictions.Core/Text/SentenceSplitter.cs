namespace Contradictions.Core.Text;

/// <summary>
/// Splits text into sentences with character spans. Line breaks always end a sentence (news text puts one
/// paragraph or headline per line). A full stop does not end a sentence after an abbreviation (Mr., Jan., U.S.),
/// an initial (J. Smith), inside a number (3.5, 90.5%), or when the next word starts lower-case; closing quotes
/// (" ” ’ ʼ) and brackets after the terminator stay with the sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
        "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "vol", "fig", "approx", "est", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "rev",
        "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c",
    };

    // After an acronym like "U.S." a sentence ends only if the next word typically starts one.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On", "At",
        "A", "An", "However", "Meanwhile", "According", "There", "His", "Her", "Their", "Its", "After", "As", "While",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>();
        Split(text, result);
        return result;
    }

    public static void Split(string text, List<TextSpan> result)
    {
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                Add(text, start, i, result);
                start = i + 1;
                i++;
                continue;
            }
            if (c is '.' or '!' or '?' or '…')
            {
                int end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '…') end++;
                while (end < text.Length && IsCloser(text[end])) end++;
                if (end >= text.Length || !char.IsWhiteSpace(text[end]))
                {
                    i = end;
                    continue;
                }
                if (IsBoundary(text, i, end))
                {
                    Add(text, start, end, result);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        Add(text, start, text.Length, result);
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or 'ʼ' or '\'' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '“' or '‘' or 'ʼ' or '\'' or '(' or '[' or '«';

    private static bool IsBoundary(string text, int terminator, int end)
    {
        // Next visible character: lower-case means the sentence goes on ("territories… what they call").
        int n = end;
        while (n < text.Length && text[n] is ' ' or '\t' or '\u00A0') n++;
        if (n >= text.Length || text[n] == '\n') return true;
        char next = text[n];
        if (IsOpener(next) && n + 1 < text.Length) next = text[n + 1];
        if (char.IsLower(next)) return false;
        if (text[terminator] != '.') return true;

        // Word before the full stop.
        int w = terminator;
        while (w > 0 && !char.IsWhiteSpace(text[w - 1]) && !IsOpener(text[w - 1])) w--;
        var word = text.AsSpan(w, terminator - w);
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // initial: "J. Smith"
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            if (!word.Contains('.')) return false;
            // Acronym ("U.S.") at a sentence end: only when a typical sentence opener follows.
            int e = n;
            while (e < text.Length && char.IsLetter(text[e])) e++;
            return SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(n, e - n));
        }
        if (word.Contains('.') && word.Length <= 6 && char.IsUpper(word[0]) && IsAcronymLike(word)) return false;
        return true;
    }

    // "U.S", "E.U", "N.Y": single letters separated by dots.
    private static bool IsAcronymLike(ReadOnlySpan<char> word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            bool letterSlot = k % 2 == 0;
            if (letterSlot ? !char.IsLetter(word[k]) : word[k] != '.') return false;
        }
        return true;
    }

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextSpan(start, end - start));
    }
}
