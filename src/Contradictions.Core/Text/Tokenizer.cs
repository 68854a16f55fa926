namespace Contradictions.Core.Text;

/// <summary>
/// Lower-cased word tokens: runs of letters and digits, with inner apostrophes and hyphens kept between
/// letters ("don't", "cease-fire") and dots and commas between digits ("3.5", "1,000"). Curly apostrophes fold to ASCII.
/// </summary>
/// <remarks>Allocation-aware: <see cref="Tokenize(ReadOnlySpan{char}, List{string})"/> reuses the caller's list.</remarks>
public static class Tokenizer
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text.AsSpan(), tokens);
        return tokens;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<string> tokens)
    {
        foreach (var token in Enumerate(text, stackalloc char[64])) tokens.Add(new string(token));
    }

    /// <summary>
    /// The same tokens as spans, each valid until the next one is read: no string per token, for callers that only
    /// hash or look up tokens. <paramref name="buffer"/> holds the current token (a longer token moves to the heap).
    /// </summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text, Span<char> buffer) => new(text, buffer);

    /// <summary>See <see cref="Enumerate"/>.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> text;
        private Span<char> buffer;
        private int position;
        private int length;

        internal TokenEnumerator(ReadOnlySpan<char> text, Span<char> buffer)
        {
            this.text = text;
            this.buffer = buffer;
        }

        public readonly ReadOnlySpan<char> Current => buffer[..length];

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            int i = position;
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int len = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    Append(char.ToLowerInvariant(c), ref len);
                    i++;
                }
                else if (IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && len > 0
                         && JoinerFits(c, buffer[len - 1], text[i + 1]))
                {
                    Append(c is '\u2019' or '\u02BC' or '\u2018' ? '\'' : c, ref len);
                    i++;
                }
                else
                {
                    break;
                }
            }
            position = i;
            length = len;
            return len > 0;
        }

        private void Append(char c, ref int len)
        {
            if (len == buffer.Length)
            {
                var bigger = new char[Math.Max(16, buffer.Length * 2)];
                buffer.CopyTo(bigger);
                buffer = bigger;
            }
            buffer[len++] = c;
        }
    }

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '-' or '.' or ',';

    // A comma or dot joins only digits (1,000 / 3.5); apostrophes and hyphens join words (don't, cease-fire).
    private static bool JoinerFits(char joiner, char before, char after) => joiner switch
    {
        ',' => char.IsDigit(before) && char.IsDigit(after),
        '.' => char.IsDigit(before) && char.IsDigit(after),
        _ => true,
    };
}
