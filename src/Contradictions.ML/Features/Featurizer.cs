using System.Runtime.InteropServices;
using Contradictions.Core.Text;

namespace Contradictions.ML.Features;

/// <summary>
/// Turns claims and passages into the stance model's features. Passage and claim work is done once per text;
/// <see cref="Compute"/> is the per-pair hot path and writes into a caller-provided span without allocating.
/// Feature set after the FNC-1 systems that worked (baseline, Talos, UCLMR, Athene): overlap, n-gram hits,
/// TF-IDF and LSA cosines, best-matching sentence, cue lexicons near the matching sentences, numbers.
/// </summary>
internal sealed class Featurizer(TextModel model, StanceLexicon lexicon)
{
    public static readonly string[] Names =
    [
        "tfidf_cos", "lsa_cos", "max_sent_tfidf", "max_sent_lsa", "top3_sent_tfidf", "best_sent_position",
        "best_sent_index", "first_sent_tfidf", "jaccard", "claim_stems_in_body", "claim_stems_in_lead",
        "claim_ngrams_in_body", "claim_stems_in_best_sent", "claim_refuting", "claim_hedging", "claim_negating",
        "claim_affirming", "claim_question", "body_refuting_rate", "body_hedging_rate", "body_negating_rate",
        "body_affirming_rate", "top3_refuting", "top3_hedging", "top3_negating", "top3_affirming",
        "lead_refuting", "lead_hedging", "sim_weighted_refuting", "sim_weighted_hedging", "sim_weighted_negating",
        "sim_weighted_affirming", "claim_polarity", "body_polarity", "claim_numbers", "shared_numbers",
        "claim_numbers_missing", "claim_tokens", "body_tokens_log", "sentences", "related_sentences",
        "related_refuting", "related_hedging", "related_negating", "best_sent_refuting", "best_sent_negating",
        "negation_asymmetry", "max_sent_shared_terms", "nb_body_agree", "nb_body_disagree", "nb_body_discuss",
        "nb_top3_agree", "nb_top3_disagree", "nb_top3_discuss", "claim_asserts_body_refutes",
    ];

    public static int Count => Names.Length;

    private const float RelatedSentenceThreshold = 0.15f;
    private const int LeadSentences = 2;

    // Shared by every passage without numbers (most claims).
    private static readonly IReadOnlySet<string> NoNumbers = System.Collections.Frozen.FrozenSet<string>.Empty;

    public TextModel Model { get; } = model;
    public StanceLexicon Lexicon { get; } = lexicon;

    public SentenceFeatures Sentence(ReadOnlySpan<char> text, float[]? lexiconWeights) => Analyzed(text, lexiconWeights).Features;

    // The stems are needed while a text is prepared (hashes, n-grams, a passage's whole vector) and never after, so
    // the features kept do not hold them: a scan keeps every claim's features, and the stem strings were a sixth of them.
    // They are not even made: the stems' hashes (in text order) and known ids (sorted by the vectorising) come in the
    // calling thread's lists, valid until its next analysis.
    private (SentenceFeatures Features, StemKeys Stems) Analyzed(ReadOnlySpan<char> text, float[]? lexiconWeights)
    {
        var keys = stemScratch ??= new StemKeys([], []);
        var analyzed = TextAnalyzer.Analyze(text, Model, keys.Ids, keys.Hashes);
        var tfidf = Model.VectorizeIds(CollectionsMarshal.AsSpan(keys.Ids));
        var features = new SentenceFeatures { Text = analyzed, Tfidf = tfidf, Lsa = Model.Project(tfidf), Lexicon = SumLexicon(tfidf.Ids, lexiconWeights) };
        return (features, keys);
    }

    /// <summary>A text's stems as the features use them: their hashes in text order, and the known ones' ids.</summary>
    private sealed record StemKeys(List<int> Ids, List<ulong> Hashes)
    {
        public ulong[] HashArray() => [.. Hashes];
    }

    [ThreadStatic] private static StemKeys? stemScratch;

    private static LexiconSums SumLexicon(int[] ids, float[]? weights)
    {
        var sums = new LexiconSums();
        if (weights is null) return sums;
        foreach (var id in ids)
        {
            for (int c = 0; c < StanceLexicon.Classes; c++) sums[c] += weights[id * StanceLexicon.Classes + c];
        }
        return sums;
    }

    public ClaimFeatures Claim(string claim)
    {
        var (sentence, stems) = Analyzed(claim, lexiconWeights: null);
        return ClaimOf(sentence, stems, claim);
    }

    private static ClaimFeatures ClaimOf(SentenceFeatures sentence, StemKeys stems, string claim)
    {
        var hashes = stems.HashArray();
        var ngrams = Shingles.BigramsAndTrigrams(hashes);
        Array.Sort(ngrams);
        // The n-grams are made: the hashes' order is no longer needed.
        Array.Sort(hashes);
        return new ClaimFeatures
        {
            Sentence = sentence,
            StemHashes = KeySet.OfAscending(hashes),
            Ngrams = ngrams,
            IsQuestion = claim.TrimEnd().EndsWith('?'),
        };
    }

    /// <summary>
    /// A claim's features as a claim and as a passage, as <see cref="Claim"/> and <see cref="Passage"/> give them,
    /// analysing the text once when it is one sentence (every extracted claim but a few): the detector needs both
    /// views of every claim, and analysis (stems, TF-IDF, LSA) is most of a claim's preparation.
    /// </summary>
    public (ClaimFeatures Claim, PassageFeatures Passage) ClaimAndPassage(string text)
    {
        var ranges = PassageSplitter.Split(text);
        if (ranges.Count != 1 || ranges[0].Start.Value != 0 || ranges[0].End.Value != text.Length) return (Claim(text), Passage(text, ranges, null, null));
        // One sentence object for both views: the claim side reads no lexicon sums, so the passage's serve it too.
        var (sentence, stems) = Analyzed(text, Lexicon.Passage);
        var claim = ClaimOf(sentence, stems, text);
        return (claim, Passage(text, ranges, (sentence, stems), claim));
    }

    public PassageFeatures Passage(string passage) => Passage(passage, PassageSplitter.Split(passage), null, null);

    /// <param name="sameText">
    /// The same one-sentence text prepared as a claim: its stem and n-gram hashes are this passage's (the claim keeps
    /// repeated n-grams, the passage only distinct ones), so they are taken from it rather than computed and kept twice.
    /// </param>
    private PassageFeatures Passage(string passage, List<Range> ranges, (SentenceFeatures Features, StemKeys Stems)? first, ClaimFeatures? sameText)
    {
        // The claim view's hashes are this passage's only if it is that one sentence (and then it is all lead).
        if (sameText is not null && ranges.Count != 1) throw new ArgumentException("a claim view is shared only by a one-sentence passage", nameof(sameText));
        var sentences = new SentenceFeatures[ranges.Count];
        var stems = sameText is null ? new List<ulong>() : null;
        // A passage of at most the lead's sentences is all lead: one set serves both.
        var lead = ranges.Count <= LeadSentences ? null : new List<ulong>();
        var ngrams = sameText is null ? new List<ulong>() : null;
        HashSet<string>? numbers = null;
        var allIds = ranges.Count != 1 ? new List<int>() : null;
        int tokens = 0, refuting = 0, hedging = 0, affirming = 0, negating = 0;
        for (int i = 0; i < ranges.Count; i++)
        {
            var (s, sentenceStems) = i == 0 && first is { } f ? f : Analyzed(passage.AsSpan(ranges[i]), Lexicon.Passage);
            sentences[i] = s;
            if (stems is not null)
            {
                var hashes = sentenceStems.HashArray();
                stems.AddRange(hashes);
                if (i < LeadSentences) lead?.AddRange(hashes);
                ngrams!.AddRange(Shingles.BigramsAndTrigrams(hashes));
            }
            foreach (var n in s.Text.Numbers) (numbers ??= new HashSet<string>(StringComparer.Ordinal)).Add(n);
            allIds?.AddRange(sentenceStems.Ids);
            tokens += s.Text.TokenCount;
            refuting += s.Text.Refuting;
            hedging += s.Text.Hedging;
            affirming += s.Text.Affirming;
            negating += s.Text.Negating;
        }
        // One sentence: the whole passage's stems are that sentence's, and so are its vectors.
        var whole = allIds is null ? sentences[0].Tfidf : Model.VectorizeIds(CollectionsMarshal.AsSpan(allIds));
        var postings = sentences.Length == 1 ? InvertOne(whole) : Invert(whole, sentences);
        var stemSet = sameText?.StemHashes ?? KeySet.Of(stems!);
        // One sentence is the whole passage: its counts are the sums, its vectors and lexicon sums the whole's (the
        // whole's numbers are never read; the passage's are in Numbers). Every claim is also a one-sentence passage,
        // so this is one object fewer per claim.
        var wholeFeatures = sentences.Length == 1 ? sentences[0] : new SentenceFeatures
        {
            Text = new AnalyzedText
            {
                Stems = [], TokenCount = tokens, Refuting = refuting, Hedging = hedging, Affirming = affirming,
                Negating = negating, Numbers = [],
            },
            Tfidf = whole, Lsa = Model.Project(whole), Lexicon = SumLexicon(whole.Ids, Lexicon.Passage),
        };
        return new PassageFeatures
        {
            Whole = wholeFeatures,
            Sentences = sentences,
            StemHashes = stemSet,
            LeadStemHashes = lead is null ? stemSet : KeySet.Of(lead),
            Ngrams = sameText is null ? KeySet.Of(ngrams!) : KeySet.OfAscending(sameText.Ngrams),
            Numbers = numbers ?? NoNumbers,
            Postings = postings,
        };
    }

    // Per-pair cost then depends on the claim's few terms, not on the passage's length.
    internal static PassagePostings InvertOne(SparseVector whole)
    {
        // One sentence (every claim as a passage): its vector is the whole one, so each term has one posting, in
        // sentence 0. The zeros are shared (never written): an array per claim was that many more objects for the
        // collector to copy. Threads that grow it at once each make one long enough; any of them serves.
        var zeros = firstSentence;
        if (zeros.Length < whole.Ids.Length) firstSentence = zeros = new int[Math.Max(whole.Ids.Length, 2 * zeros.Length)];
        return new(whole.Ids, whole.Weights, null, null, zeros, whole.Weights);
    }

    private static int[] firstSentence = new int[256];

    internal static PassagePostings Invert(SparseVector whole, SentenceFeatures[] sentences)
    {
        var lists = new Dictionary<int, List<(int Sentence, float Weight)>>();
        for (int s = 0; s < sentences.Length; s++)
        {
            var v = sentences[s].Tfidf;
            for (int i = 0; i < v.Ids.Length; i++)
            {
                if (!lists.TryGetValue(v.Ids[i], out var list)) lists[v.Ids[i]] = list = [];
                list.Add((s, v.Weights[i]));
            }
        }
        var start = new int[whole.Ids.Length];
        var count = new int[whole.Ids.Length];
        var sentenceOf = new List<int>();
        var weightOf = new List<float>();
        for (int i = 0; i < whole.Ids.Length; i++)
        {
            start[i] = sentenceOf.Count;
            if (lists.TryGetValue(whole.Ids[i], out var list))
            {
                foreach (var (sentence, weight) in list)
                {
                    sentenceOf.Add(sentence);
                    weightOf.Add(weight);
                }
            }
            count[i] = sentenceOf.Count - start[i];
        }
        return new PassagePostings(whole.Ids, whole.Weights, start, count, sentenceOf.ToArray(), weightOf.ToArray());
    }

    public void Compute(ClaimFeatures claim, PassageFeatures passage, Span<float> f)
    {
        Span<float> sims = stackalloc float[PassageSplitter.MaxSentences];
        Span<int> sharedTerms = stackalloc int[PassageSplitter.MaxSentences];
        var overlap = Overlap(claim, passage, sims, sharedTerms);
        Finish(claim, passage, overlap, sims, sharedTerms, f);
    }

    /// <summary>
    /// The features of A (as a claim) against B (as a passage) into <paramref name="ab"/>, and of B against A into
    /// <paramref name="ba"/>, as two <see cref="Compute"/> calls give them. When both are one sentence prepared as
    /// claim and passage at once (<see cref="ClaimAndPassage"/>: every claim a scan pairs), the overlap of their
    /// vectors and stems is the same both ways (the same products summed in the same term order, the same sets),
    /// so it is computed once.
    /// </summary>
    public void ComputeBoth(ClaimFeatures claimA, PassageFeatures passageA, ClaimFeatures claimB, PassageFeatures passageB, Span<float> ab, Span<float> ba)
    {
        if (!OneSentenceBothWays(claimA, passageA) || !OneSentenceBothWays(claimB, passageB))
        {
            Compute(claimA, passageB, ab);
            Compute(claimB, passageA, ba);
            return;
        }
        Span<float> sims = stackalloc float[1];
        Span<int> sharedTerms = stackalloc int[1];
        var overlap = Overlap(claimA, passageB, sims, sharedTerms);
        // A claim whose n-grams do not repeat shares them with its passage view (KeySet.OfAscending): when both are
        // such, each way counts the same shared n-grams.
        if (ReferenceEquals(claimA.Ngrams, passageA.Ngrams) && ReferenceEquals(claimB.Ngrams, passageB.Ngrams))
        {
            overlap = overlap with { NgramHits = KeySet.CountIn(claimA.Ngrams, passageB.Ngrams) };
        }
        Finish(claimA, passageB, overlap, sims, sharedTerms, ab);
        Finish(claimB, passageA, overlap, sims, sharedTerms, ba);
    }

    // The claim and passage views of one sentence share their vectors and stem set (ClaimAndPassage).
    private static bool OneSentenceBothWays(ClaimFeatures claim, PassageFeatures passage) =>
        passage.Sentences.Length == 1 && ReferenceEquals(claim.Sentence.Tfidf.Ids, passage.Whole.Tfidf.Ids)
        && ReferenceEquals(claim.Sentence.Tfidf.Weights, passage.Whole.Tfidf.Weights)
        && ReferenceEquals(claim.Sentence.Lsa, passage.Whole.Lsa) && ReferenceEquals(claim.StemHashes, passage.StemHashes)
        && ReferenceEquals(passage.LeadStemHashes, passage.StemHashes);

    /// <param name="NgramHits">The claim's n-grams in the passage, when already counted; -1 when not.</param>
    private readonly record struct Shared(float BodyCos, float BodyLsa, int InBody, int NgramHits = -1);

    // What depends on both texts' terms: the TF-IDF cosines with the body and each sentence, the LSA cosine, the
    // shared stems. Fills sims and sharedTerms per sentence.
    private static Shared Overlap(ClaimFeatures claim, PassageFeatures passage, Span<float> sims, Span<int> sharedTerms)
    {
        var c = claim.Sentence;
        sims.Clear();
        sharedTerms.Clear();
        float bodyCos = 0;
        var ids = c.Tfidf.Ids;
        var weights = c.Tfidf.Weights;
        var postings = passage.Postings;
        var sentenceOf = postings.Sentence;
        int from = 0;
        for (int t = 0; t < ids.Length; t++)
        {
            int term = postings.Find(ids[t], ref from);
            if (term < 0) continue;
            bodyCos += weights[t] * postings.BodyWeights[term];
            int start = postings.Start(term), end = start + postings.Count(term);
            for (int p = start; p < end; p++)
            {
                int sentence = sentenceOf[p];
                sims[sentence] += weights[t] * postings.Weight[p];
                sharedTerms[sentence]++;
            }
        }
        return new Shared(bodyCos, Dot(c.Lsa, passage.Whole.Lsa), KeySet.CountIn(claim.StemHashes, passage.StemHashes));
    }

    private static void Finish(ClaimFeatures claim, PassageFeatures passage, Shared overlap, ReadOnlySpan<float> sims, ReadOnlySpan<int> sharedTerms, Span<float> f)
    {
        var c = claim.Sentence;
        var body = passage.Whole;
        int k = 0;
        var sentences = passage.Sentences;
        var ids = c.Tfidf.Ids;
        f[k++] = overlap.BodyCos;
        float bodyLsa = overlap.BodyLsa;
        f[k++] = bodyLsa;

        // Best-matching sentence and cue counts weighted by how well each sentence matches the claim.
        float best = 0, second = 0, third = 0, bestLsa = 0, first = 0, simSum = 0;
        float wRef = 0, wHedge = 0, wNeg = 0, wAff = 0;
        int bestIndex = -1, secondIndex = -1, thirdIndex = -1, related = 0, relRef = 0, relHedge = 0, relNeg = 0, maxShared = 0;
        int leadRef = 0, leadHedge = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            var s = sentences[i];
            float sim = sims[i];
            // A one-sentence passage (every claim's) shares its vector with its whole: the same dot, computed once.
            float lsa = ReferenceEquals(s.Lsa, body.Lsa) ? bodyLsa : Dot(c.Lsa, s.Lsa);
            if (i == 0) first = sim;
            if (lsa > bestLsa) bestLsa = lsa;
            if (sim > best) { third = second; thirdIndex = secondIndex; second = best; secondIndex = bestIndex; best = sim; bestIndex = i; }
            else if (sim > second) { third = second; thirdIndex = secondIndex; second = sim; secondIndex = i; }
            else if (sim > third) { third = sim; thirdIndex = i; }
            simSum += sim;
            wRef += sim * s.Text.Refuting;
            wHedge += sim * s.Text.Hedging;
            wNeg += sim * s.Text.Negating;
            wAff += sim * s.Text.Affirming;
            if (sim >= RelatedSentenceThreshold)
            {
                related++;
                relRef += s.Text.Refuting;
                relHedge += s.Text.Hedging;
                relNeg += s.Text.Negating;
            }
            if (i < LeadSentences)
            {
                leadRef += s.Text.Refuting;
                leadHedge += s.Text.Hedging;
            }
            if (sharedTerms[i] > maxShared) maxShared = sharedTerms[i];
        }
        f[k++] = best;
        f[k++] = bestLsa;
        f[k++] = (best + second + third) / 3;
        f[k++] = bestIndex < 0 || sentences.Length <= 1 ? 0 : bestIndex / (float)(sentences.Length - 1);
        f[k++] = Math.Min(bestIndex, 30);
        f[k++] = first;

        // Overlap of content stems and n-grams (the baseline's word-overlap and n-gram "hand" features).
        int inBody = overlap.InBody;
        int inLead = ReferenceEquals(passage.LeadStemHashes, passage.StemHashes) ? inBody : KeySet.CountIn(claim.StemHashes, passage.LeadStemHashes);
        int stemsN = claim.StemHashes.Length;
        f[k++] = stemsN == 0 ? 0 : inBody / (float)(stemsN + passage.StemHashes.Length - inBody);
        f[k++] = stemsN == 0 ? 0 : inBody / (float)stemsN;
        f[k++] = stemsN == 0 ? 0 : inLead / (float)stemsN;
        int ngramHits = overlap.NgramHits >= 0 ? overlap.NgramHits : KeySet.CountIn(claim.Ngrams, passage.Ngrams);
        int ngramsN = claim.Ngrams.Length;
        f[k++] = ngramsN == 0 ? 0 : ngramHits / (float)ngramsN;
        f[k++] = bestIndex < 0 || ids.Length == 0 ? 0 : sharedTerms[bestIndex] / (float)ids.Length;

        var ct = c.Text;
        f[k++] = ct.Refuting;
        f[k++] = ct.Hedging;
        f[k++] = ct.Negating;
        f[k++] = ct.Affirming;
        f[k++] = claim.IsQuestion ? 1 : 0;

        var bt = body.Text;
        float per100 = bt.TokenCount == 0 ? 0 : 100f / bt.TokenCount;
        f[k++] = bt.Refuting * per100;
        f[k++] = bt.Hedging * per100;
        f[k++] = bt.Negating * per100;
        f[k++] = bt.Affirming * per100;

        var cues = TopCues(sentences, bestIndex, secondIndex, thirdIndex);
        f[k++] = cues.Refuting;
        f[k++] = cues.Hedging;
        f[k++] = cues.Negating;
        f[k++] = cues.Affirming;
        f[k++] = leadRef;
        f[k++] = leadHedge;
        float inv = simSum > 0 ? 1 / simSum : 0;
        f[k++] = wRef * inv;
        f[k++] = wHedge * inv;
        f[k++] = wNeg * inv;
        f[k++] = wAff * inv;
        f[k++] = ct.Refuting % 2;
        f[k++] = bt.Refuting % 2;

        int shared = 0, missing = 0;
        foreach (var n in ct.Numbers)
        {
            if (passage.Numbers.Contains(n)) shared++;
            else missing++;
        }
        f[k++] = ct.Numbers.Length;
        f[k++] = shared;
        f[k++] = missing;
        f[k++] = ct.TokenCount;
        f[k++] = MathF.Log(1 + bt.TokenCount);
        f[k++] = sentences.Length;
        f[k++] = related;
        f[k++] = relRef;
        f[k++] = relHedge;
        f[k++] = relNeg;
        f[k++] = bestIndex < 0 ? 0 : sentences[bestIndex].Text.Refuting;
        f[k++] = bestIndex < 0 ? 0 : sentences[bestIndex].Text.Negating;
        f[k++] = bestIndex < 0 ? 0 : (ct.Negating > 0) != (sentences[bestIndex].Text.Negating > 0) ? 1 : 0;
        f[k++] = maxShared;

        float bodyTerms = Math.Max(1, body.Tfidf.Ids.Length);
        for (int cls = 0; cls < StanceLexicon.Classes; cls++) f[k++] = body.Lexicon[cls] / bodyTerms;
        int topTerms = 0;
        Span<float> top = stackalloc float[StanceLexicon.Classes];
        foreach (int index in (ReadOnlySpan<int>)[bestIndex, secondIndex, thirdIndex])
        {
            if (index < 0) continue;
            topTerms += sentences[index].Tfidf.Ids.Length;
            for (int cls = 0; cls < top.Length; cls++) top[cls] += sentences[index].Lexicon[cls];
        }
        for (int cls = 0; cls < top.Length; cls++) f[k++] = top[cls] / Math.Max(1, topTerms);
        f[k++] = ct.Refuting == 0 ? cues.Refuting : 0;
        if (k != Names.Length) throw new InvalidOperationException($"computed {k} features but {Names.Length} are named");
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    // The cue counts of the three best-matching sentences (an index < 0 is no sentence), summed.
    private static (int Refuting, int Hedging, int Negating, int Affirming) TopCues(SentenceFeatures[] s, int a, int b, int c)
    {
        int refuting = 0, hedging = 0, negating = 0, affirming = 0;
        foreach (int index in (ReadOnlySpan<int>)[a, b, c])
        {
            if (index < 0) continue;
            var t = s[index].Text;
            refuting += t.Refuting;
            hedging += t.Hedging;
            negating += t.Negating;
            affirming += t.Affirming;
        }
        return (refuting, hedging, negating, affirming);
    }
}
