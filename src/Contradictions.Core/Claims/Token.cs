namespace Contradictions.Core.Claims;

internal enum TokenKind : byte
{
    Word,
    Punct,
    OpenQuote,
    CloseQuote,
}

/// <summary>A word or punctuation mark of a sentence; offsets are within the sentence text.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, bool InQuote)
{
    public int End => Start + Length;
}

/// <summary>Sentence tokeniser for the attribution rules: words keep inner apostrophes, hyphens and dots (U.S., 3.5).</summary>
internal static class SentenceTokens
{
    /// <summary>Tokenises <paramref name="s"/>; <paramref name="inQuote"/> carries an open quotation across sentences.</summary>
    public static void Tokenize(string s, List<Token> tokens, ref bool inQuote)
    {
        tokens.Clear();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                int start = i++;
                while (i < s.Length)
                {
                    char d = s[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    if (d is '\'' or '’' or 'ʼ' or '-' or '.' && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1])) { i++; continue; }
                    // Acronym dot: "U.S." keeps its final dot when the word is letter-dot pairs.
                    if (d == '.' && i - start >= 2 && s[i - 2] == '.') { i++; continue; }
                    break;
                }
                tokens.Add(new Token(start, i - start, TokenKind.Word, inQuote));
                continue;
            }
            if (c == '“' || (c == '"' && !inQuote))
            {
                inQuote = true;
                tokens.Add(new Token(i, 1, TokenKind.OpenQuote, true));
            }
            else if (c == '”' || (c == '"' && inQuote))
            {
                tokens.Add(new Token(i, 1, TokenKind.CloseQuote, true));
                inQuote = false;
            }
            else
            {
                tokens.Add(new Token(i, 1, TokenKind.Punct, inQuote));
            }
            i++;
        }
    }

    public static bool IsCapitalized(string s, Token t) => t.Kind == TokenKind.Word && char.IsUpper(s[t.Start]);

    public static bool IsNumber(string s, Token t) => t.Kind == TokenKind.Word && char.IsDigit(s[t.Start]);

    public static ReadOnlySpan<char> Span(string s, Token t) => s.AsSpan(t.Start, t.Length);

    public static bool Is(string s, Token t, string word) =>
        t.Kind == TokenKind.Word && s.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
}
