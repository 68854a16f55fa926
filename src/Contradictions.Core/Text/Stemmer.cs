namespace Contradictions.Core.Text;

/// <summary>
/// A light suffix stripper (plural, -ed, -ing, -ly): enough to match "denies"/"denied"/"deny" and
/// "reports"/"reported" across a claim and a passage without a dictionary, and cheap on the scoring hot path.
/// </summary>
public static class Stemmer
{
    public static string Stem(string token)
    {
        int keep = Keep(token, out bool y);
        return y ? string.Concat(token.AsSpan(0, keep), "y") : keep == token.Length ? token : token[..keep];
    }

    /// <summary>
    /// The same stem as a span: a prefix of <paramref name="token"/>, or, for "-ies"/"-ied", the prefix and a "y"
    /// written into <paramref name="buffer"/> (or a new array if it is too short).
    /// </summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> token, Span<char> buffer)
    {
        int keep = Keep(token, out bool y);
        if (!y) return token[..keep];
        if (buffer.Length < keep + 1) buffer = new char[keep + 1];
        token[..keep].CopyTo(buffer);
        buffer[keep] = 'y';
        return buffer[..(keep + 1)];
    }

    // How many characters of the token the stem keeps, and whether a "y" follows them.
    private static int Keep(ReadOnlySpan<char> token, out bool y)
    {
        y = false;
        int n = token.Length;
        if (n <= 3 || !char.IsLetter(token[n - 1])) return n;
        if ((token.EndsWith("ies", StringComparison.Ordinal) || token.EndsWith("ied", StringComparison.Ordinal)) && n > 4)
        {
            y = true;
            return n - 3;
        }
        if (token.EndsWith("ing", StringComparison.Ordinal) && n > 5) return n - 3;
        if (token.EndsWith("ed", StringComparison.Ordinal) && n > 4) return n - 2;
        if (token.EndsWith("ly", StringComparison.Ordinal) && n > 4) return n - 2;
        if (token.EndsWith("es", StringComparison.Ordinal) && n > 4 && token[n - 3] is 's' or 'x' or 'z' or 'h') return n - 2;
        if (token[n - 1] == 's' && token[n - 2] != 's' && token[n - 2] != 'u' && token[n - 2] != 'i') return n - 1;
        return n;
    }
}
