using System.Diagnostics;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Features;
using Contradictions.ML.Model;
using Microsoft.ML;

namespace Contradictions.ML.Training;

/// <summary>A trained model, ML.NET's own saved heads (kept in the model zip for provenance) and timings.</summary>
public sealed record TrainingResult(StanceModel Model, IReadOnlyDictionary<string, byte[]> MlNetHeads, TimeSpan Duration);

/// <summary>
/// Trains the stance model: vocabulary and LSA from the training text, features per pair, FastTree heads
/// through ML.NET, then per-class scales tuned on an inner split of the training passages.
/// </summary>
public static class StanceTrainer
{
    public static TrainingResult Train(IReadOnlyList<LabeledPair> pairs, StanceTrainerOptions options, IProgress<string>? progress = null)
    {
        if (pairs.Count == 0) throw new ArgumentException("no training pairs", nameof(pairs));
        var clock = Stopwatch.StartNew();
        var scale = new float[] { 1, 1, 1, 1 };
        if (options.TuneClassScale)
        {
            var (inner, tuning) = SplitByPassage(pairs, options.TuningFraction, options.Seed);
            progress?.Report($"tuning class scales on {tuning.Count:N0} pairs held out of the training passages");
            var probe = Fit(inner, options, scale, progress).Model;
            scale = ClassScaleTuner.Tune(probe, tuning);
            progress?.Report($"class scales: {string.Join(", ", scale.Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
        var (model, heads) = Fit(pairs, options, scale, progress);
        return new TrainingResult(model, heads, clock.Elapsed);
    }

    private static (StanceModel Model, Dictionary<string, byte[]> Heads) Fit(IReadOnlyList<LabeledPair> pairs,
        StanceTrainerOptions options, float[] scale, IProgress<string>? progress)
    {
        progress?.Report($"building vocabulary and LSA space from {pairs.Count:N0} pairs");
        var text = BuildTextModel(pairs, options.Text);
        progress?.Report("computing features (lexicon cross-fitted over passage folds)");
        var (features, lexicon) = CrossFittedFeatures(text, pairs, options);
        var featurizer = new Featurizer(text, lexicon);
        var labels = pairs.Select(p => p.Label).ToArray();
        var pairWeights = pairs.Select(p => p.Weight).ToArray();
        var ml = new MLContext(options.Seed);
        var saved = new Dictionary<string, byte[]>();
        BinaryHead? related = null;
        BinaryHead[] heads;
        if (options.Shape == ModelShape.TwoStage)
        {
            progress?.Report("training related/unrelated head");
            var r = FastTreeHeadTrainer.Train(ml, features, labels.Select(l => l != Stance.Unrelated).ToArray(),
                pairWeights, options, options.RelatedTrees);
            related = r.Head;
            saved["mlnet/related.zip"] = r.MlNetModel;
            var relatedIdx = Enumerable.Range(0, labels.Length).Where(i => labels[i] != Stance.Unrelated).ToArray();
            var relFeatures = relatedIdx.Select(i => features[i]).ToArray();
            var relLabels = relatedIdx.Select(i => labels[i]).ToArray();
            var relWeights = relatedIdx.Select(i => pairWeights[i]).ToArray();
            heads = new BinaryHead[3];
            foreach (var stance in new[] { Stance.Agree, Stance.Disagree, Stance.Discuss })
            {
                heads[(int)stance] = TrainHead(ml, relFeatures, relLabels, relWeights, stance, options, saved, progress);
            }
        }
        else
        {
            heads = new BinaryHead[4];
            foreach (var stance in StanceNames.All)
            {
                heads[(int)stance] = TrainHead(ml, features, labels, pairWeights, stance, options, saved, progress);
            }
        }
        return (new StanceModel(featurizer, options.Shape, related, heads, scale), saved);
    }

    private static BinaryHead TrainHead(MLContext ml, float[][] features, Stance[] labels, float[] pairWeights, Stance stance,
        StanceTrainerOptions options, Dictionary<string, byte[]> saved, IProgress<string>? progress)
    {
        progress?.Report($"training {stance.ToLabel()} head");
        var weights = ClassWeights(labels, options.ClassWeightExponent);
        var result = FastTreeHeadTrainer.Train(ml, features, labels.Select(l => l == stance).ToArray(),
            labels.Select((l, i) => weights[(int)l] * pairWeights[i]).ToArray(), options);
        saved[$"mlnet/{stance.ToLabel()}.zip"] = result.MlNetModel;
        return result.Head;
    }

    /// <summary>
    /// Features for every training pair where the label-derived lexicon never saw the pair's own passage:
    /// otherwise the trees would learn to trust lexicon values that are optimistic on training data only.
    /// </summary>
    private static (float[][] Features, StanceLexicon Final) CrossFittedFeatures(TextModel text, IReadOnlyList<LabeledPair> pairs, StanceTrainerOptions options)
    {
        const int folds = 5;
        var passageIds = pairs.Select(p => p.PassageId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(passageIds);
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < passageIds.Length; i++) fold[passageIds[i]] = i % folds;
        var passageTerms = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            if (!passageTerms.ContainsKey(p.PassageId)) passageTerms[p.PassageId] = text.Vectorize(TextAnalyzer.Analyze(p.Passage).Stems).Ids;
        }
        IEnumerable<(int[], int)> Related(Func<LabeledPair, bool> include) => pairs
            .Where(p => p.Label != Stance.Unrelated && include(p))
            .Select(p => (passageTerms[p.PassageId], (int)p.Label));
        var features = new float[pairs.Count][];
        for (int f = 0; f < folds; f++)
        {
            int current = f;
            var lexicon = StanceLexicon.Build(text.Terms.Length, Related(p => fold[p.PassageId] != current));
            var indices = Enumerable.Range(0, pairs.Count).Where(i => fold[pairs[i].PassageId] == current).ToArray();
            var rows = PairFeatures.Compute(new Featurizer(text, lexicon), indices.Select(i => pairs[i]).ToArray());
            for (int i = 0; i < indices.Length; i++) features[indices[i]] = rows[i];
        }
        return (features, StanceLexicon.Build(text.Terms.Length, Related(_ => true)));
    }

    // (n / (classes · n_c))^exponent: 0 leaves every example at 1, 1 balances the classes fully.
    private static float[] ClassWeights(Stance[] labels, double exponent)
    {
        var counts = new int[4];
        foreach (var l in labels) counts[(int)l]++;
        int present = counts.Count(c => c > 0);
        return counts.Select(c => c == 0 ? 0f : (float)Math.Pow(labels.Length / (double)(present * c), exponent)).ToArray();
    }

    internal static TextModel BuildTextModel(IReadOnlyList<LabeledPair> pairs, TextModelOptions options)
    {
        var documents = new List<string[]>();
        var seenPassages = new HashSet<string>(StringComparer.Ordinal);
        var seenClaims = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (seenPassages.Add(pair.PassageId)) documents.Add(TextAnalyzer.Analyze(pair.Passage).Stems);
            if (seenClaims.Add(pair.Claim)) documents.Add(TextAnalyzer.Analyze(pair.Claim).Stems);
        }
        return TextModel.Build(documents, options);
    }

    /// <summary>Splits by passage so no passage is on both sides (as the FNC-1 hold-out split does by Body ID).</summary>
    internal static (List<LabeledPair> Train, List<LabeledPair> Held) SplitByPassage(IReadOnlyList<LabeledPair> pairs, double heldFraction, int seed)
    {
        var ids = pairs.Select(p => p.PassageId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(ids);
        var held = ids.Take((int)Math.Round(ids.Length * heldFraction)).ToHashSet(StringComparer.Ordinal);
        var train = new List<LabeledPair>();
        var rest = new List<LabeledPair>();
        foreach (var p in pairs) (held.Contains(p.PassageId) ? rest : train).Add(p);
        return (train, rest);
    }
}
