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
        Span<char> buffer = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int len = 0;
            var buf = buffer;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (len == buf.Length)
                    {
                        var bigger = new char[buf.Length * 2];
                        buf.CopyTo(bigger);
                        buf = bigger;
                    }
                    buf[len++] = char.ToLowerInvariant(c);
                    i++;
                }
                else if (IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && len > 0
                         && JoinerFits(c, buf[len - 1], text[i + 1]))
                {
                    if (len == buf.Length)
                    {
                        var bigger = new char[buf.Length * 2];
                        buf.CopyTo(bigger);
                        buf = bigger;
                    }
                    buf[len++] = c is '\u2019' or '\u02BC' or '\u2018' ? '\'' : c;
                    i++;
                }
                else
                {
                    break;
                }
            }
            tokens.Add(new string(buf[..len]));
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
