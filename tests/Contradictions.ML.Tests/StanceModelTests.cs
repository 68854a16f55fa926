using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;
using Contradictions.ML.Evaluation;
using Contradictions.ML.Features;
using Contradictions.ML.Model;

namespace Contradictions.ML.Tests;

public class StanceModelTests
{
    private static readonly Lazy<StanceModel> Committed = new(() => StanceModel.Load(RepoPaths.Of("models", "stance.zip")));

    [Fact]
    public void Committed_model_reproduces_its_card_hold_out_metrics()
    {
        var card = ModelCard.Load(RepoPaths.Of("models", "stance.json"));
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));

        var metrics = StanceEvaluation.Evaluate(Committed.Value, corpus.HoldOut).Metrics;

        Assert.NotNull(card.HoldOut);
        Assert.Equal(card.DataSha256, corpus.DataSha256);
        Assert.InRange(metrics.FncRelative, card.HoldOut.FncRelative - 0.005, card.HoldOut.FncRelative + 0.005);
        Assert.InRange(metrics.MacroF1, card.HoldOut.MacroF1 - 0.005, card.HoldOut.MacroF1 + 0.005);
        Assert.InRange(metrics[Stance.Disagree].F1, card.HoldOut.Classes["disagree"].F1 - 0.005, card.HoldOut.Classes["disagree"].F1 + 0.005);
        // The targets, held by the committed model.
        Assert.True(metrics.FncRelative >= 0.83, $"FNC {metrics.FncRelative:P2}");
        Assert.True(metrics.MacroF1 >= 0.65, $"macro-F1 {metrics.MacroF1:0.000}");
        Assert.True(metrics[Stance.Disagree].F1 >= 0.35, $"disagree-F1 {metrics[Stance.Disagree].F1:0.000}");
    }

    [Fact]
    public void Preparing_a_text_both_ways_at_once_predicts_exactly_as_preparing_it_twice()
    {
        var texts = Directory.GetFiles(RepoPaths.Of("data", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => ClaimExtractor.Extract(ArticleFactory.Create(Path.GetFileName(f), File.ReadAllText(f))))
            .Select(c => c.Text)
            // Texts of several sentences take the general path.
            .Append(Denial).Append(Confirmation)
            .ToList();
        var model = Committed.Value;
        var both = texts.Select(model.PrepareBoth).ToList();
        var claims = texts.Select(model.PrepareClaim).ToList();
        var passages = texts.Select(model.PreparePassage).ToList();

        Assert.True(texts.Count > 100, $"{texts.Count} texts");
        for (int i = 0; i < texts.Count; i++)
        {
            for (int j = 0; j < texts.Count; j += 7)
            {
                Assert.Equal(model.Predict(claims[i], passages[j]), model.Predict(both[i].Claim, both[j].Passage));
            }
        }
    }

    [Fact]
    public void Stance_in_lanes_is_each_vector_s_stance_to_the_bit_in_both_shapes()
    {
        var pairStance = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip")).PairStance;
        // The same trees as four one-versus-all heads: the one-stage arithmetic on real sums.
        var oneStage = new StanceModel(pairStance.Featurizer, ModelShape.OneStage, null,
            [.. pairStance.Ensembles.Select((t, i) => new BinaryHead(t, -1 - i * 0.1f, 0.2f * i))], [.. pairStance.ClassScale]);
        var texts = Directory.GetFiles(RepoPaths.Of("data", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => ClaimExtractor.Extract(ArticleFactory.Create(Path.GetFileName(f), File.ReadAllText(f))))
            .Select(c => c.Text).ToList();
        var featurizer = pairStance.Featurizer;
        var rows = new List<float[]>();
        void Add(string claim, string passage)
        {
            var row = new float[Featurizer.Count];
            featurizer.Compute(featurizer.Claim(claim), featurizer.Passage(passage), row);
            rows.Add(row);
        }
        for (int i = 0; i < texts.Count; i++)
        {
            for (int j = i % 5; j < texts.Count; j += 5) Add(texts[i], texts[j]);
        }
        // Headlines against whole hold-out bodies (several sentences each), unrelated ones among them.
        foreach (var pair in FncCorpus.Load(RepoPaths.Of("data", "fnc-1")).HoldOut.Where((_, i) => i % 50 == 0)) Add(pair.Claim, pair.Passage);
        // The committed related head never falls below the bound on these rows (nor on the FNC-1 hold-out): the same
        // trees with the median row's related mass moved onto the bound put half the rows on each side of it.
        var relatedTrees = pairStance.Ensembles.First();
        float median = rows.Select(r => relatedTrees.Score(r)).Order().ElementAt(rows.Count / 2);
        var shifted = new StanceModel(featurizer, ModelShape.TwoStage, new BinaryHead(relatedTrees, -1, median + MathF.Log(999)),
            [.. pairStance.Ensembles.Skip(1).Select(t => new BinaryHead(t, -1, 0))], [.. pairStance.ClassScale]);
        Assert.Contains(rows, r => shifted.RelatedHead!.Probability(r) < 1e-3f);
        Assert.Contains(rows, r => shifted.RelatedHead!.Probability(r) >= 1e-3f);
        const int L = LaneTrees.Lanes;
        foreach (var model in new[] { pairStance, shifted, oneStage })
        {
            if (model.Lanes is not { } lanes)
            {
                Assert.False(LaneTrees.IsSupported);
                continue;
            }
            var block = new float[Featurizer.Count * L];
            var stances = new StanceProbabilities[L];
            for (int start = 0; start + L <= rows.Count; start += L)
            {
                for (int l = 0; l < L; l++) for (int f = 0; f < Featurizer.Count; f++) block[f * L + l] = rows[start + l][f];
                model.Score(lanes, block, stances);
                for (int l = 0; l < L; l++) Assert.Equal(Bits(model.Score(rows[start + l])), Bits(stances[l]));
            }
        }
        Assert.Equal(ModelShape.TwoStage, pairStance.Shape);
    }

    private static (int, int, int, int) Bits(StanceProbabilities p) => (BitConverter.SingleToInt32Bits(p.Agree),
        BitConverter.SingleToInt32Bits(p.Disagree), BitConverter.SingleToInt32Bits(p.Discuss), BitConverter.SingleToInt32Bits(p.Unrelated));

    private const string GoldIphone = "Apple to release a solid gold iPhone next month";

    private const string Denial =
        "Reports that Apple will release a solid gold iPhone next month are false. An Apple spokesperson denied " +
        "the rumour on Tuesday, calling the story a hoax. The company has no such plans, she said, and the " +
        "photos circulating online were doctored.";

    private const string Confirmation =
        "Apple will release a solid gold iPhone next month, the company confirmed on Tuesday. The phone will " +
        "cost $10,000, an Apple spokesperson said, and it will be sold in ten stores.";

    // On a story FNC-1 never saw, the model hedges between disagree and discuss; what must hold is that the
    // denial is read as disagreement rather than agreement, and far more so than a confirmation is.
    [Fact]
    public void Explicit_denial_of_the_claim_leans_to_disagree()
    {
        var denial = Committed.Value.Predict(GoldIphone, Denial);
        var confirmation = Committed.Value.Predict(GoldIphone, Confirmation);

        Assert.True(denial.Related > 0.9f);
        Assert.True(denial.Disagree > denial.Agree, denial.ToString());
        Assert.True(denial.Disagree > 0.2f, denial.ToString());
        Assert.True(denial.Disagree > 10 * confirmation.Disagree, $"{denial} vs {confirmation}");
    }

    [Fact]
    public void Confirmation_of_the_claim_is_agree()
    {
        var p = Committed.Value.Predict(GoldIphone, Confirmation);

        Assert.Equal(Stance.Agree, p.Predicted);
    }

    [Fact]
    public void Real_hold_out_denials_are_mostly_caught()
    {
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        var disagreeing = corpus.HoldOut.Where(p => p.Label == Stance.Disagree).ToList();

        var predicted = Committed.Value.PredictBatch(disagreeing.Select(p => (p.Claim, p.Passage)).ToArray());

        // Against the official baseline's 0.034 disagree-F1, at least a third of real denials are recognised.
        Assert.True(predicted.Count(p => p.Predicted == Stance.Disagree) >= disagreeing.Count / 3);
        Assert.True(predicted.Count(p => p.Disagree > p.Agree) > disagreeing.Count / 2);
    }

    [Fact]
    public void Body_about_something_else_is_unrelated()
    {
        var p = Committed.Value.Predict(
            GoldIphone,
            "The city council voted on Monday to extend the bus line to the northern suburbs. Construction will " +
            "start in spring and the council expects the first buses to run within two years.");

        Assert.Equal(Stance.Unrelated, p.Predicted);
        Assert.True(p.Unrelated > 0.9f);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_batch_equals_single_predictions()
    {
        var corpus = FncCorpus.Load(RepoPaths.Of("data", "fnc-1"));
        var pairs = corpus.HoldOut.Take(50).Select(p => (p.Claim, p.Passage)).ToArray();

        var batch = Committed.Value.PredictBatch(pairs);

        for (int i = 0; i < pairs.Length; i++)
        {
            var single = Committed.Value.Predict(pairs[i].Claim, pairs[i].Passage);
            Assert.Equal(single, batch[i]);
            Assert.Equal(1f, single.Agree + single.Disagree + single.Discuss + single.Unrelated, 4);
        }
    }

    [Fact]
    public void Saved_and_reloaded_model_predicts_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stance-{Guid.NewGuid():N}.zip");
        try
        {
            Committed.Value.Save(path);
            var reloaded = StanceModel.Load(path);
            const string claim = "Kyiv supports 90% of the US peace plan";
            const string passage = "The Ukrainian Ministry of Defense later denied that Kyiv had agreed to 90% of the plan.";

            Assert.Equal(Committed.Value.Predict(claim, passage), reloaded.Predict(claim, passage));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_model_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "hello");
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => StanceModel.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
