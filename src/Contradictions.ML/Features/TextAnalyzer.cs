using Contradictions.Core.Text;

namespace Contradictions.ML.Features;

/// <summary>One analysed text: its stems, numbers and cue counts. Shared by claims, sentences and whole passages.</summary>
internal sealed record AnalyzedText
{
    public required string[] Stems { get; init; }          // content stems in order (stop words removed)
    public required int TokenCount { get; init; }
    public required int Refuting { get; init; }
    public required int Hedging { get; init; }
    public required int Affirming { get; init; }
    public required int Negating { get; init; }
    public required string[] Numbers { get; init; }
}

internal static class TextAnalyzer
{
    public static AnalyzedText Analyze(ReadOnlySpan<char> text, TermPool? stemPool = null)
    {
        var stems = new List<string>(32);
        return Analyze(text, stemPool, stems) with { Stems = [.. stems] };
    }

    /// <summary>
    /// The counts and numbers, without <see cref="AnalyzedText.Stems"/>: the stems go into <paramref name="stems"/>
    /// (cleared first). Features keep the counts and use the stems only while they are computed, so a caller that
    /// reuses one list makes no array of stems per text.
    /// </summary>
    // Tokens are read as spans: a string is made only for what is kept (stems and numbers), not for stop words, and
    // with a pool only for a stem the pool does not have yet.
    public static AnalyzedText Analyze(ReadOnlySpan<char> text, TermPool? stemPool, List<string> stems)
    {
        stems.Clear();
        List<string>? numbers = null;
        int tokens = 0, refuting = 0, hedging = 0, affirming = 0, negating = 0;
        Span<char> stemBuffer = stackalloc char[64];
        foreach (var token in Tokenizer.Enumerate(text, stackalloc char[64]))
        {
            tokens++;
            var lexicons = Lexicons.Of(token);
            if ((lexicons & WordLists.Refuting) != 0) refuting++;
            if ((lexicons & WordLists.Hedging) != 0) hedging++;
            if ((lexicons & WordLists.Affirming) != 0) affirming++;
            if (Lexicons.IsNegation(lexicons, token)) negating++;
            if (char.IsDigit(token[0]))
            {
                var number = token.ToString();
                (numbers ??= []).Add(number.Replace(",", "", StringComparison.Ordinal));
                stems.Add(number);
                continue;
            }
            if ((lexicons & WordLists.Stop) != 0) continue;
            var stem = Stemmer.Stem(token, stemBuffer);
            stems.Add(stemPool is null ? new string(stem) : stemPool.Get(stem));
        }
        return new AnalyzedText
        {
            Stems = [],
            TokenCount = tokens,
            Refuting = refuting,
            Hedging = hedging,
            Affirming = affirming,
            Negating = negating,
            Numbers = numbers?.ToArray() ?? [],
        };
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong Hash(string s) => StableHash.Of(s);

    public static ulong Combine(ulong a, ulong b) => (a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 1099511628211UL;
}
