using Contradictions.Core.Text;

namespace Contradictions.ML.Features;

/// <summary>One analysed text: its stems, numbers and cue counts. Shared by claims, sentences and whole passages.</summary>
internal sealed class AnalyzedText
{
    public required string[] Stems { get; init; }          // content stems in order (stop words removed)
    public required int TokenCount { get; init; }
    public required int Refuting { get; init; }
    public required int Hedging { get; init; }
    public required int Affirming { get; init; }
    public required int Negating { get; init; }
    public required string[] Numbers { get; init; }

    /// <summary>The same counts and numbers without the stems, for features kept after preparation.</summary>
    public AnalyzedText WithoutStems() => new()
    {
        Stems = [], TokenCount = TokenCount, Refuting = Refuting, Hedging = Hedging, Affirming = Affirming, Negating = Negating, Numbers = Numbers,
    };
}

internal static class TextAnalyzer
{
    [ThreadStatic] private static List<string>? tokensBuffer;

    public static AnalyzedText Analyze(ReadOnlySpan<char> text)
    {
        var tokens = tokensBuffer ??= new List<string>(256);
        tokens.Clear();
        Tokenizer.Tokenize(text, tokens);
        var stems = new List<string>(tokens.Count);
        List<string>? numbers = null;
        int refuting = 0, hedging = 0, affirming = 0, negating = 0;
        foreach (var token in tokens)
        {
            if (Lexicons.Refuting.Contains(token)) refuting++;
            if (Lexicons.Hedging.Contains(token)) hedging++;
            if (Lexicons.Affirming.Contains(token)) affirming++;
            if (Lexicons.IsNegation(token)) negating++;
            if (char.IsDigit(token[0]))
            {
                (numbers ??= []).Add(token.Replace(",", "", StringComparison.Ordinal));
                stems.Add(token);
                continue;
            }
            if (Lexicons.Stop.Contains(token)) continue;
            stems.Add(Stemmer.Stem(token));
        }
        return new AnalyzedText
        {
            Stems = stems.ToArray(),
            TokenCount = tokens.Count,
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
