namespace Contradictions.Core.Text;

/// <summary>
/// A light suffix stripper (plural, -ed, -ing, -ly): enough to match "denies"/"denied"/"deny" and
/// "reports"/"reported" across a claim and a passage without a dictionary, and cheap on the scoring hot path.
/// </summary>
public static class Stemmer
{
    public static string Stem(string token)
    {
        int n = token.Length;
        if (n <= 3 || !char.IsLetter(token[n - 1])) return token;
        if (token.EndsWith("ies", StringComparison.Ordinal) && n > 4) return string.Concat(token.AsSpan(0, n - 3), "y");
        if (token.EndsWith("ied", StringComparison.Ordinal) && n > 4) return string.Concat(token.AsSpan(0, n - 3), "y");
        if (token.EndsWith("ing", StringComparison.Ordinal) && n > 5) return token[..(n - 3)];
        if (token.EndsWith("ed", StringComparison.Ordinal) && n > 4) return token[..(n - 2)];
        if (token.EndsWith("ly", StringComparison.Ordinal) && n > 4) return token[..(n - 2)];
        if (token.EndsWith("es", StringComparison.Ordinal) && n > 4 && token[n - 3] is 's' or 'x' or 'z' or 'h') return token[..(n - 2)];
        if (token[n - 1] == 's' && token[n - 2] != 's' && token[n - 2] != 'u' && token[n - 2] != 'i') return token[..(n - 1)];
        return token;
    }
}
