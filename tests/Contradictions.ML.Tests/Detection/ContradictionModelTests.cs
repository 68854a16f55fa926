using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;
using Contradictions.ML.Model;

namespace Contradictions.ML.Tests.Detection;

/// <summary>The committed pair model on the seed's canonical case and its card.</summary>
public class ContradictionModelTests
{
    private static readonly Lazy<ContradictionModel> Committed = new(() =>
        ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip")));

    private static readonly Lazy<IReadOnlyList<Claim>> Seed000 = new(() => ClaimExtractor.Extract(ArticleFactory.Create("000",
        File.ReadAllText(Directory.GetFiles(RepoPaths.Of("data", "articles"), "000_*.txt").Single()))));

    private static ClaimContext Context(long id, Claim claim, string outlet = "Reuters") => new(id, "000", outlet, new DateOnly(2025, 4, 23), claim);

    private static ClaimContext Report => Context(1, Seed000.Value.Single(c => c.Text.Contains("90% supports", StringComparison.Ordinal)));

    private static Claim Read(string sentence) => ClaimExtractor.Extract(ArticleFactory.Create("test", sentence)).Single();

    [Fact]
    public void Denial_of_the_reported_figure_by_the_ministry_is_a_confident_denial()
    {
        var denial = Context(2, Seed000.Value.Single(c => c.Text.Contains("later denied", StringComparison.Ordinal)));

        var scored = Committed.Value.Score(Report, denial);

        Assert.Equal(FlagKind.Denial, scored.Kind);
        Assert.True(scored.Confidence >= 0.8, $"confidence {scored.Confidence:0.000}");
        Assert.Contains(scored.Cues, c => c.Contains("denies what", StringComparison.Ordinal));
    }

    [Fact]
    public void Cues_are_built_only_from_the_given_confidence_and_the_score_is_the_same_either_way()
    {
        var denial = Context(2, Seed000.Value.Single(c => c.Text.Contains("later denied", StringComparison.Ordinal)));

        var explained = Committed.Value.Score(Report, denial, explainFrom: 0.5f);
        var unexplained = Committed.Value.Score(Report, denial, explainFrom: explained.Confidence + 0.01f);

        Assert.NotEmpty(explained.Cues);
        Assert.Empty(unexplained.Cues);
        Assert.Equal(explained.Confidence, unexplained.Confidence);
        Assert.Equal(explained.Kind, unexplained.Kind);
        Assert.Equal(Committed.Value.Score(Report, denial).Cues, explained.Cues);
    }

    [Fact]
    public void The_same_figure_confirmed_by_the_ministry_is_no_contradiction()
    {
        var confirmation = Context(3, Read("The Ukrainian Ministry of Defense later confirmed that Kyiv had \"90% agreed\" with the US peace plan."));

        var scored = Committed.Value.Score(Report, confirmation);

        Assert.True(scored.Confidence < 0.5, $"confidence {scored.Confidence:0.000}");
    }

    [Fact]
    public void A_denial_of_something_else_in_the_story_scores_below_the_denial_of_the_report()
    {
        var denial = Committed.Value.Score(Report, Context(2, Seed000.Value.Single(c => c.Text.Contains("later denied", StringComparison.Ordinal))));
        var other = Committed.Value.Score(Report, Context(4, Read("The Ukrainian Ministry of Defense denied that its troops had withdrawn from the Kursk region.")));

        Assert.True(other.Confidence < denial.Confidence - 0.3, $"{other.Confidence:0.000} vs {denial.Confidence:0.000}");
    }

    [Fact]
    public void Without_lanes_preparing_a_scan_s_worth_of_claims_compiles_the_trees_before_any_pair_is_scored()
    {
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        model.LanesOff = true;
        var ensembles = model.PairStance.Ensembles.Append(model.Head.Trees).ToList();
        var claim = Read("The Ministry of Defence denied that Kyiv had 90% agreed to the US peace plan.");

        for (int id = 0; id < ContradictionModel.CompileTreesAfterPrepared - 1; id++) model.Prepare(id, claim);
        Thread.Sleep(200);
        Assert.All(ensembles, e => Assert.False(e.IsCompiled));

        model.Prepare(ContradictionModel.CompileTreesAfterPrepared, claim);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!ensembles.TrueForAll(e => e.IsCompiled) && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
        Assert.All(ensembles, e => Assert.True(e.IsCompiled));
        // Compiled, the trees give the confidence a fresh model's walk gives (ids not prepared above: the cache is by id).
        var (a, b) = (Context(10_001, claim), Context(10_002, Read("Umerov said Kyiv 90% supports the US peace plan, the Post reported."), "New York Post"));
        Assert.Equal(ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip")).Confidence(a, b), model.Confidence(a, b));
    }

    [Fact]
    public void Preparing_claims_compiles_no_trees_where_pairs_are_scored_in_lanes()
    {
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        Assert.Equal(LaneTrees.IsSupported, model.ScoresInLanes);
        if (!model.ScoresInLanes) return;
        var claim = Read("The Ministry of Defence denied that Kyiv had 90% agreed to the US peace plan.");

        for (int id = 0; id <= ContradictionModel.CompileTreesAfterPrepared; id++) model.Prepare(id, claim);

        Assert.All(model.PairStance.Ensembles.Append(model.Head.Trees), e => Assert.False(e.CompileRequested));
    }

    [Fact]
    public void Pairs_scored_together_score_as_each_pair_alone_to_the_bit()
    {
        // The seeds and forty FNC-1 hold-out bodies; a few claims without an id (prepared, not cached).
        var bodies = FncCorpus.Load(RepoPaths.Of("data", "fnc-1")).HoldOut.DistinctBy(p => p.PassageId).Take(40).Select(p => (p.PassageId, p.Passage));
        var seeds = Directory.GetFiles(RepoPaths.Of("data", "articles")).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        long id = 0;
        var claims = seeds.Concat(bodies)
            .SelectMany(a => ClaimExtractor.Extract(ArticleFactory.Create(a.Item1, a.Item2)).Select(c => new ClaimContext(id % 50 == 7 ? -id++ : id++, a.Item1, "Reuters", null, c)))
            .ToArray();
        var pairs = Enumerable.Range(0, 1_001).Select(i => (claims[i * 7 % claims.Length], claims[(i * 13 + 5) % claims.Length])).ToArray();
        var model = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        var oneByOne = ContradictionModel.Load(RepoPaths.Of("models", "contradiction.zip"));
        oneByOne.LanesOff = true;

        var scores = new ScoredPair[pairs.Length];
        model.Score(pairs, 0.1f, scores);

        Assert.Equal(LaneTrees.IsSupported, model.ScoresInLanes);
        Assert.False(oneByOne.ScoresInLanes);
        Assert.True(claims.Length > 500, $"{claims.Length} claims");
        Assert.Contains(pairs, p => p.Item1.ClaimId < 0 || p.Item2.ClaimId < 0);
        for (int i = 0; i < pairs.Length; i++)
        {
            var alone = oneByOne.Score(pairs[i].Item1, pairs[i].Item2, 0.1f);
            Assert.Equal(BitConverter.SingleToInt32Bits(alone.Confidence), BitConverter.SingleToInt32Bits(scores[i].Confidence));
            Assert.Equal(alone.Kind, scores[i].Kind);
            Assert.Equal(alone.Cues, scores[i].Cues);
            Assert.Equal(Bits(alone.AtoB), Bits(scores[i].AtoB));
            Assert.Equal(Bits(alone.BtoA), Bits(scores[i].BtoA));
            Assert.Equal(BitConverter.SingleToInt32Bits(alone.Overlap), BitConverter.SingleToInt32Bits(scores[i].Overlap));
        }
        Assert.Contains(scores, s => s.Confidence >= 0.1f);
        Assert.Contains(scores, s => s.Confidence < 0.1f);
    }

    private static (int, int, int, int) Bits(StanceProbabilities p) => (BitConverter.SingleToInt32Bits(p.Agree),
        BitConverter.SingleToInt32Bits(p.Disagree), BitConverter.SingleToInt32Bits(p.Discuss), BitConverter.SingleToInt32Bits(p.Unrelated));

    [Fact]
    public void Confidence_does_not_depend_on_which_claim_comes_first()
    {
        var claims = Seed000.Value.Select((c, i) => Context(100 + i, c)).ToArray();
        int pairs = 0;
        for (int i = 0; i < claims.Length; i++)
        {
            for (int j = i + 1; j < claims.Length; j++, pairs++)
            {
                var forward = Committed.Value.Score(claims[i], claims[j]);
                var backward = Committed.Value.Score(claims[j], claims[i]);
                Assert.True(Math.Abs(forward.Confidence - backward.Confidence) < 1e-5f, $"{forward.Confidence} vs {backward.Confidence}: {claims[i].Claim.Text} / {claims[j].Claim.Text}");
                Assert.Equal(forward.Confidence, Committed.Value.Confidence(claims[i], claims[j]));
            }
        }
        Assert.True(pairs > 100, $"{pairs} pairs");
    }

    [Fact]
    public void Model_file_carries_its_own_lighter_stance_model_and_the_card_records_its_scores()
    {
        var card = ContradictionCard.Load(RepoPaths.Of("models", "contradiction.json"));
        var full = StanceModel.Load(RepoPaths.Of("models", "stance.zip"));

        // Loaded from the one file; the stance classifier's file is not read.
        Assert.Equal(card.PairStance.TreesPerPrediction, Committed.Value.PairStance.TreesPerPrediction);
        Assert.True(Committed.Value.PairStance.TreesPerPrediction * 5 <= full.TreesPerPrediction,
            $"{Committed.Value.PairStance.TreesPerPrediction} vs {full.TreesPerPrediction} trees");
        Assert.InRange(card.PairStance.HoldOut.FncRelative, 0.85, 1);
        Assert.Equal(9622, card.PairStance.HoldOut.Pairs);
    }

    [Fact]
    public void Card_records_the_data_hash_and_the_features_this_build_computes()
    {
        var card = ContradictionCard.Load(RepoPaths.Of("models", "contradiction.json"));

        Assert.Equal(PairFeatureExtractor.Names, card.Features);
        Assert.Equal(FncCorpus.Load(RepoPaths.Of("data", "fnc-1"), RepoPaths.Of("data", "arc")).DataSha256, card.DataSha256);
        Assert.InRange(card.RealHeldOut.ExpectedCalibrationError, 0, 0.05);
        Assert.True(card.RealHeldOut.Pairs < card.HeldOut.Pairs);
    }
}
