namespace Contradictions.ML.Features;

/// <summary>What the pair features need of one sentence or claim, computed once.</summary>
internal sealed class SentenceFeatures
{
    public required AnalyzedText Text { get; init; }
    public required SparseVector Tfidf { get; init; }
    public required float[] Lsa { get; init; }
    /// <summary>Sums of the <see cref="StanceLexicon"/> log-odds over the distinct terms, per class.</summary>
    public float[] Lexicon { get; init; } = new float[StanceLexicon.Classes];
}

/// <summary>A claim (headline or sentence), featurised once and reused against many passages.</summary>
internal sealed class ClaimFeatures
{
    public required SentenceFeatures Sentence { get; init; }
    public required ulong[] StemHashes { get; init; }
    public required ulong[] Bigrams { get; init; }
    public required ulong[] Trigrams { get; init; }
    public required bool IsQuestion { get; init; }
}

/// <summary>A passage (article body or sentence), featurised once and reused across claims.</summary>
internal sealed class PassageFeatures
{
    public required SentenceFeatures Whole { get; init; }
    public required SentenceFeatures[] Sentences { get; init; }
    public required HashSet<ulong> StemHashes { get; init; }
    public required HashSet<ulong> LeadStemHashes { get; init; }
    public required HashSet<ulong> Ngrams { get; init; }
    public required HashSet<string> Numbers { get; init; }
    /// <summary>Inverted index of the passage: term id → its whole-body weight and its postings in <see cref="PostingSentence"/>.</summary>
    public required Dictionary<int, TermPostings> Postings { get; init; }
    public required int[] PostingSentence { get; init; }
    public required float[] PostingWeight { get; init; }
}

/// <summary>Where a term occurs in a passage: its weight in the whole body and a run of sentence postings.</summary>
internal readonly record struct TermPostings(float BodyWeight, int Start, int Count);

internal static class Shingles
{
    public static ulong[] Hashes(string[] stems)
    {
        var result = new ulong[stems.Length];
        for (int i = 0; i < stems.Length; i++) result[i] = TextAnalyzer.Hash(stems[i]);
        return result;
    }

    public static ulong[] Ngrams(ulong[] hashes, int n)
    {
        if (hashes.Length < n) return [];
        var result = new ulong[hashes.Length - n + 1];
        for (int i = 0; i < result.Length; i++)
        {
            ulong h = (ulong)n;
            for (int j = 0; j < n; j++) h = TextAnalyzer.Combine(h, hashes[i + j]);
            result[i] = h;
        }
        return result;
    }
}
