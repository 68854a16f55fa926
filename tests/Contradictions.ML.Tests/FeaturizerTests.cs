using Contradictions.ML.Features;

namespace Contradictions.ML.Tests;

public class FeaturizerTests
{
    private static readonly Featurizer Featurizer = Build();

    private static Featurizer Build()
    {
        string[][] docs =
        [
            ["minist", "deny", "report", "kyiv", "support", "plan"],
            ["cat", "save", "owner", "fire"],
            ["kyiv", "plan", "peace", "talk"],
            ["cat", "owner", "neighbour"],
        ];
        var text = TextModel.Build(docs, new TextModelOptions { MinDocumentFrequency = 1, LsaDimensions = 3 });
        return new Featurizer(text, StanceLexicon.Empty(text.Terms.Length));
    }

    private static float Feature(string claim, string passage, string name)
    {
        var f = new float[Featurizer.Count];
        Featurizer.Compute(Featurizer.Claim(claim), Featurizer.Passage(passage), f);
        return f[Array.IndexOf(Featurizer.Names, name)];
    }

    [Fact]
    public void A_one_sentence_passage_is_inverted_as_the_general_inversion_does()
    {
        var model = Contradictions.ML.Model.StanceModel.Load(RepoPaths.Of("models", "stance.zip")).Featurizer;
        var sentences = Directory.GetFiles(RepoPaths.Of("data", "articles"), "*.txt")
            .SelectMany(f => File.ReadAllLines(f)).Where(line => line.Length > 20).Take(60).ToList();

        Assert.True(sentences.Count >= 40);
        foreach (var text in sentences)
        {
            var sentence = model.Sentence(text, model.Lexicon.Passage);
            var one = Featurizer.InvertOne(sentence.Tfidf);
            var general = Featurizer.Invert(sentence.Tfidf, [sentence]);
            Assert.Equal(general.Ids, one.Ids);
            Assert.Equal(general.BodyWeights, one.BodyWeights);
            for (int term = 0; term < one.Ids.Length; term++)
            {
                Assert.Equal(general.Start(term), one.Start(term));
                Assert.Equal(general.Count(term), one.Count(term));
            }
            Assert.Equal(general.Sentence.ToArray(), one.Sentence.ToArray());
            Assert.Equal(general.Weight, one.Weight);
        }
    }

    [Fact]
    public void A_claims_passage_view_holds_what_preparing_it_as_a_passage_gives_sharing_the_claim_views_arrays()
    {
        var model = Contradictions.ML.Model.StanceModel.Load(RepoPaths.Of("models", "stance.zip")).Featurizer;
        var sentences = Directory.GetFiles(RepoPaths.Of("data", "articles"), "*.txt")
            .SelectMany(f => File.ReadAllLines(f)).Where(line => line.Length > 20 && !line.Contains(". ", StringComparison.Ordinal)).Take(60).ToList();

        Assert.True(sentences.Count >= 40, $"{sentences.Count} one-sentence lines");
        foreach (var text in sentences)
        {
            var (claim, passage) = model.ClaimAndPassage(text);
            var alone = model.Passage(text);
            Assert.Equal(alone.StemHashes, passage.StemHashes);
            Assert.Equal(alone.LeadStemHashes, passage.LeadStemHashes);
            Assert.Equal(alone.Ngrams, passage.Ngrams);
            Assert.Equal(alone.Postings.Ids, passage.Postings.Ids);
            Assert.Same(claim.StemHashes, passage.StemHashes);
            Assert.Same(claim.Sentence, passage.Whole);
            // The claim keeps a repeated n-gram twice, the passage once; without repeats they are one array.
            if (passage.Ngrams.Length == claim.Ngrams.Length) Assert.Same(claim.Ngrams, passage.Ngrams);
        }
    }

    [Fact]
    public void Features_both_ways_at_once_are_the_two_one_way_features_to_the_bit()
    {
        var model = Contradictions.ML.Model.StanceModel.Load(RepoPaths.Of("models", "stance.zip")).Featurizer;
        // Seed lines: most are one sentence (the shared path), some several (the fallback).
        var texts = Directory.GetFiles(RepoPaths.Of("data", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(line => line.Length > 20).Take(40)
            .Append("Oil prices rose sharply in Kyiv and oil prices rose sharply in Lviv, analysts said.")
            .Append("Oil prices rose sharply in Odesa, traders said.").Select(model.ClaimAndPassage).ToList();
        Assert.Contains(texts, t => t.Passage.Sentences.Length == 1);
        Assert.Contains(texts, t => t.Passage.Sentences.Length > 1);
        // One sentence repeats n-grams that another has once: each way counts them differently (no shared count).
        Assert.Contains(texts, t => t.Passage.Sentences.Length == 1 && !ReferenceEquals(t.Claim.Ngrams, t.Passage.Ngrams));

        var (ab, ba) = (new float[Featurizer.Count], new float[Featurizer.Count]);
        var (abOne, baOne) = (new float[Featurizer.Count], new float[Featurizer.Count]);
        int compared = 0;
        foreach (var a in texts)
        {
            foreach (var b in texts)
            {
                model.ComputeBoth(a.Claim, a.Passage, b.Claim, b.Passage, ab, ba);
                model.Compute(a.Claim, b.Passage, abOne);
                model.Compute(b.Claim, a.Passage, baOne);
                Assert.Equal(abOne.Select(BitConverter.SingleToInt32Bits), ab.Select(BitConverter.SingleToInt32Bits));
                Assert.Equal(baOne.Select(BitConverter.SingleToInt32Bits), ba.Select(BitConverter.SingleToInt32Bits));
                compared++;
            }
        }
        Assert.Equal(texts.Count * texts.Count, compared);
        // The pairs share terms often enough that the shared overlap is not trivially zero.
        Assert.True(texts.Count(a => texts.Any(b => !ReferenceEquals(a.Claim, b.Claim) && SharedStems(a, b) > 0)) > 10);

        static int SharedStems((ClaimFeatures Claim, PassageFeatures Passage) a, (ClaimFeatures Claim, PassageFeatures Passage) b) =>
            a.Claim.StemHashes.Intersect(b.Claim.StemHashes).Count();
    }

    [Fact]
    public void Identical_texts_have_cosine_one_and_full_overlap()
    {
        const string text = "Cat saves owner from fire.";

        Assert.Equal(1f, Feature(text, text, "tfidf_cos"), 4);
        Assert.Equal(1f, Feature(text, text, "claim_stems_in_body"), 4);
        Assert.Equal(1f, Feature(text, text, "max_sent_tfidf"), 4);
    }

    [Fact]
    public void Texts_without_shared_terms_have_cosine_zero()
    {
        Assert.Equal(0f, Feature("Cat saves owner", "Kyiv peace plan talks", "tfidf_cos"));
        Assert.Equal(0f, Feature("Cat saves owner", "Kyiv peace plan talks", "claim_stems_in_body"));
    }

    [Fact]
    public void Numbers_are_counted_as_shared_or_missing()
    {
        const string claim = "Kyiv supports 90% of the plan, 12 officials said";
        const string passage = "Officials said Kyiv supports 90% of the plan. Talks resume in 3 days.";

        Assert.Equal(2f, Feature(claim, passage, "claim_numbers"));
        Assert.Equal(1f, Feature(claim, passage, "shared_numbers"));
        Assert.Equal(1f, Feature(claim, passage, "claim_numbers_missing"));
    }

    [Fact]
    public void Refuting_cues_are_counted_in_claim_and_best_sentence()
    {
        const string claim = "Kyiv supports the peace plan";
        const string passage = "The weather was fine. The ministry denied that Kyiv supports the peace plan, calling reports fake.";

        Assert.Equal(0f, Feature(claim, passage, "claim_refuting"));
        Assert.Equal(2f, Feature(claim, passage, "best_sent_refuting"));
        Assert.Equal(1f, Feature(claim, passage, "best_sent_position"));
        Assert.Equal(2f, Feature(claim, passage, "claim_asserts_body_refutes"));
    }

    [Fact]
    public void Question_headlines_are_marked()
    {
        Assert.Equal(1f, Feature("Did the cat save its owner?", "The cat saved its owner.", "claim_question"));
        Assert.Equal(0f, Feature("The cat saved its owner.", "The cat saved its owner.", "claim_question"));
    }

    [Fact]
    public void Feature_names_match_the_computed_vector()
    {
        var f = new float[Featurizer.Count];
        Featurizer.Compute(Featurizer.Claim("Cat saves owner"), Featurizer.Passage("A cat saved its owner."), f);

        Assert.Equal(Featurizer.Names.Length, Featurizer.Names.Distinct().Count());
        Assert.All(f, v => Assert.True(float.IsFinite(v)));
    }
}
