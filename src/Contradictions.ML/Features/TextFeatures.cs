namespace Contradictions.ML.Features;

/// <summary>What the pair features need of one sentence or claim, computed once.</summary>
internal sealed class SentenceFeatures
{
    public required AnalyzedText Text { get; init; }
    public required SparseVector Tfidf { get; init; }
    public required float[] Lsa { get; init; }
    /// <summary>Sums of the <see cref="StanceLexicon"/> log-odds over the distinct terms, per class.</summary>
    public LexiconSums Lexicon { get; init; }
}

/// <summary>
/// One sum per <see cref="StanceLexicon"/> class, held in the features themselves: a scan keeps two or three sentence
/// features per claim, and an array each was that many more objects for the collector to copy.
/// </summary>
[System.Runtime.CompilerServices.InlineArray(StanceLexicon.Classes)]
internal struct LexiconSums
{
    private float first;
}

/// <summary>A claim (headline or sentence), featurised once and reused against many passages.</summary>
internal sealed class ClaimFeatures
{
    /// <summary>
    /// The claim's text features. Its lexicon sums are never read on the claim side: prepared with its passage view
    /// (<see cref="Featurizer.ClaimAndPassage"/>), this is the passage's sentence, sums included.
    /// </summary>
    public required SentenceFeatures Sentence { get; init; }
    /// <summary>Distinct stem hashes, ascending.</summary>
    public required ulong[] StemHashes { get; init; }
    /// <summary>Bigram and trigram hashes, ascending, repeats kept (each occurrence counts).</summary>
    public required ulong[] Ngrams { get; init; }
    public required bool IsQuestion { get; init; }
}

/// <summary>
/// A passage (article body or sentence), featurised once and reused across claims. Sets are sorted arrays, merged with
/// a claim's sorted arrays: a scan keeps one passage per claim, arrays take a fraction of a hash set's memory, and a
/// merge of two short arrays reads a few cache lines where a look-up per value reads the set again each time.
/// </summary>
internal sealed class PassageFeatures
{
    public required SentenceFeatures Whole { get; init; }
    public required SentenceFeatures[] Sentences { get; init; }
    /// <summary>Distinct stem hashes, ascending.</summary>
    public required ulong[] StemHashes { get; init; }
    /// <summary>Distinct stem hashes of the lead sentences, ascending (the same array when the passage is all lead).</summary>
    public required ulong[] LeadStemHashes { get; init; }
    /// <summary>Distinct bigram and trigram hashes, ascending.</summary>
    public required ulong[] Ngrams { get; init; }
    public required IReadOnlySet<string> Numbers { get; init; }
    public required PassagePostings Postings { get; init; }
}

/// <summary>
/// Inverted index of a passage: its terms (ascending ids) with their whole-body weights, each with a run of sentence
/// postings in <see cref="Sentence"/>/<see cref="Weight"/>. A one-sentence passage (every claim as a passage) has one
/// posting per term, in term order, so it needs no run arrays, and its postings' sentences (all the first) may be
/// the start of a longer array of zeros that many passages share.
/// </summary>
internal sealed class PassagePostings(int[] ids, float[] bodyWeights, int[]? start, int[]? count, int[] sentence, float[] weight)
{
    public int[] Ids => ids;
    public float[] BodyWeights => bodyWeights;
    public ReadOnlySpan<int> Sentence => sentence.AsSpan(0, weight.Length);
    public float[] Weight => weight;

    public int Start(int term) => start is null ? term : start[term];
    public int Count(int term) => count is null ? 1 : count[term];

    /// <summary>
    /// The index of term <paramref name="id"/>, or -1. Looks from <paramref name="from"/> on and moves it past what
    /// was searched, so ascending look-ups (a claim's terms) each search only what is left.
    /// </summary>
    public int Find(int id, ref int from)
    {
        if (ids.Length - from > LinearUpTo)
        {
            int at = ids.AsSpan(from).BinarySearch(id);
            if (at < 0)
            {
                from += ~at;
                return -1;
            }
            from += at + 1;
            return from - 1;
        }
        while (from < ids.Length && ids[from] < id) from++;
        if (from == ids.Length || ids[from] != id) return -1;
        return from++;
    }

    // Up to this many terms left, a step at a time: a claim's terms against a claim's (every pair a scan scores) are a
    // few dozen each, and a binary search took about as many steps, each a branch no predictor could guess. A body's
    // hundreds of terms are still searched by halves.
    private const int LinearUpTo = 64;
}

internal static class Shingles
{
    /// <summary>The bigrams and then the trigrams, in one array.</summary>
    public static ulong[] BigramsAndTrigrams(ulong[] hashes)
    {
        int bigrams = Math.Max(0, hashes.Length - 1);
        var result = new ulong[bigrams + Math.Max(0, hashes.Length - 2)];
        Ngrams(hashes, 2, result.AsSpan(0, bigrams));
        Ngrams(hashes, 3, result.AsSpan(bigrams));
        return result;
    }

    private static void Ngrams(ulong[] hashes, int n, Span<ulong> result)
    {
        for (int i = 0; i < result.Length; i++)
        {
            ulong h = (ulong)n;
            for (int j = 0; j < n; j++) h = TextAnalyzer.Combine(h, hashes[i + j]);
            result[i] = h;
        }
    }
}
