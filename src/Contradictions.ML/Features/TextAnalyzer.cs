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
    /// <summary>The text's stems (as strings), counts and numbers: for training, which counts stems as words.</summary>
    public static AnalyzedText Analyze(ReadOnlySpan<char> text)
    {
        var sink = new StringSink(new List<string>(32));
        return Analyze(text, ref sink) with { Stems = [.. sink.Stems] };
    }

    /// <summary>
    /// The counts and numbers, without <see cref="AnalyzedText.Stems"/>: what the features need of each stem goes into
    /// <paramref name="ids"/> (its id in <paramref name="vocabulary"/>, known stems only) and <paramref name="hashes"/>
    /// (its <see cref="StableHash"/>), both cleared first and in text order. No stem is made a string: the features keep
    /// the counts and use the stems only as ids and hashes, and a string per stem was most of what analysing made.
    /// </summary>
    public static AnalyzedText Analyze(ReadOnlySpan<char> text, TextModel vocabulary, List<int> ids, List<ulong> hashes)
    {
        ids.Clear();
        hashes.Clear();
        var sink = new KeySink(vocabulary, ids, hashes);
        return Analyze(text, ref sink);
    }

    private interface IStemSink
    {
        void Add(ReadOnlySpan<char> stem, string? made);
    }

    private readonly struct StringSink(List<string> stems) : IStemSink
    {
        public List<string> Stems => stems;
        public void Add(ReadOnlySpan<char> stem, string? made) => stems.Add(made ?? new string(stem));
    }

    private readonly struct KeySink(TextModel vocabulary, List<int> ids, List<ulong> hashes) : IStemSink
    {
        public void Add(ReadOnlySpan<char> stem, string? made)
        {
            hashes.Add(StableHash.Of(stem));
            int id = vocabulary.IdOf(stem);
            if (id >= 0) ids.Add(id);
        }
    }

    // Tokens are read as spans: a string is made only for what is kept (numbers, and stems for a sink that keeps
    // them), not for stop words.
    private static AnalyzedText Analyze<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IStemSink
    {
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
                sink.Add(number, number);
                continue;
            }
            if ((lexicons & WordLists.Stop) != 0) continue;
            sink.Add(Stemmer.Stem(token, stemBuffer), null);
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

    public static ulong Combine(ulong a, ulong b) => (a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 1099511628211UL;
}
