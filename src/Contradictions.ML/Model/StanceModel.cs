using System.Collections.Concurrent;
using System.IO.Compression;
using Contradictions.Core.Stance;
using Contradictions.ML.Features;

namespace Contradictions.ML.Model;

/// <summary>A claim featurised once, to be scored against many passages.</summary>
public sealed class PreparedClaim
{
    internal PreparedClaim(ClaimFeatures features) => Features = features;
    internal ClaimFeatures Features { get; }
}

/// <summary>A passage featurised once, to be scored against many claims.</summary>
public sealed class PreparedPassage
{
    internal PreparedPassage(PassageFeatures features) => Features = features;
    internal PassageFeatures Features { get; }
}

/// <summary>How the four stances are modelled.</summary>
public enum ModelShape
{
    /// <summary>One calibrated binary model per stance (one-versus-all), normalised.</summary>
    OneStage,
    /// <summary>Related vs unrelated first, then agree/disagree/discuss one-versus-all among related pairs.</summary>
    TwoStage,
}

/// <summary>
/// The trained stance classifier: features from <see cref="Featurizer"/>, boosted trees exported from ML.NET
/// FastTree, Platt calibration and per-class scales tuned for macro-F1. Thread-safe and allocation-free per
/// scored pair once claim and passage are prepared.
/// </summary>
public sealed class StanceModel : IStanceClassifier
{
    private const int FormatVersion = 1;
    private const string ModelEntry = "stance-model.bin";
    private const float SkipStanceHeadsBelow = 1e-3f;

    private readonly Featurizer featurizer;
    private readonly BinaryHead? related;
    private readonly BinaryHead[] heads;
    private readonly float[] classScale;

    internal StanceModel(Featurizer featurizer, ModelShape shape, BinaryHead? related, BinaryHead[] heads, float[] classScale)
    {
        this.featurizer = featurizer;
        Shape = shape;
        this.related = related;
        this.heads = heads;
        this.classScale = classScale;
        lanes = new(() => LaneTrees.TryBuild([.. Ensembles]));
    }

    public ModelShape Shape { get; }
    internal Featurizer Featurizer => featurizer;
    public static IReadOnlyList<string> FeatureNames => Featurizer.Names;
    public IReadOnlyList<float> ClassScale => classScale;

    /// <summary>The related-versus-unrelated head of a two-stage model (for tests).</summary>
    internal BinaryHead? RelatedHead => related;

    /// <summary>The model's tree ensembles (the related head first, if any), for tests of the trees themselves.</summary>
    internal IEnumerable<TreeEnsemble> Ensembles => (related is null ? heads : heads.Prepend(related)).Select(h => h.Trees);

    internal StanceModel WithClassScale(float[] scale) => new(featurizer, Shape, related, heads, scale);

    public PreparedClaim PrepareClaim(string claim) => new(featurizer.Claim(claim));
    public PreparedPassage PreparePassage(string passage) => new(featurizer.Passage(passage));

    /// <summary>A text prepared both as a claim and as a passage (the same as the two calls, analysed once when it is one sentence).</summary>
    public (PreparedClaim Claim, PreparedPassage Passage) PrepareBoth(string text)
    {
        var (claim, passage) = FeaturesOfBoth(text);
        return (new PreparedClaim(claim), new PreparedPassage(passage));
    }

    /// <summary>
    /// <see cref="PrepareBoth"/> without the public wrappers, for the detector in this assembly: it keeps every claim
    /// of a scan prepared, and two wrapper objects a claim were that many more for the collector to copy.
    /// </summary>
    internal (ClaimFeatures Claim, PassageFeatures Passage) FeaturesOfBoth(string text) => featurizer.ClaimAndPassage(text);

    public StanceProbabilities Predict(string claim, string passage) => Predict(PrepareClaim(claim), PreparePassage(passage));

    public StanceProbabilities Predict(PreparedClaim claim, PreparedPassage passage)
    {
        Span<float> features = stackalloc float[Featurizer.Count];
        featurizer.Compute(claim.Features, passage.Features, features);
        return Score(features);
    }

    /// <summary>A as a claim against B as a passage, and B against A: the same as two <see cref="Predict(PreparedClaim, PreparedPassage)"/> calls.</summary>
    public (StanceProbabilities AtoB, StanceProbabilities BtoA) PredictBoth(PreparedClaim claimA, PreparedPassage passageA, PreparedClaim claimB, PreparedPassage passageB) =>
        PredictBoth(claimA.Features, passageA.Features, claimB.Features, passageB.Features);

    internal (StanceProbabilities AtoB, StanceProbabilities BtoA) PredictBoth(ClaimFeatures claimA, PassageFeatures passageA, ClaimFeatures claimB, PassageFeatures passageB)
    {
        Span<float> ab = stackalloc float[Featurizer.Count];
        Span<float> ba = stackalloc float[Featurizer.Count];
        featurizer.ComputeBoth(claimA, passageA, claimB, passageB, ab, ba);
        return (Score(ab), Score(ba));
    }

    public IReadOnlyList<StanceProbabilities> PredictBatch(IReadOnlyList<(string Claim, string Passage)> pairs)
    {
        var claims = new ConcurrentDictionary<string, PreparedClaim>(StringComparer.Ordinal);
        var passages = new ConcurrentDictionary<string, PreparedPassage>(StringComparer.Ordinal);
        var results = new StanceProbabilities[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var (claim, passage) = pairs[i];
            results[i] = Predict(claims.GetOrAdd(claim, PrepareClaim), passages.GetOrAdd(passage, PreparePassage));
        });
        return results;
    }

    internal StanceProbabilities Score(ReadOnlySpan<float> features)
    {
        float r = related?.Probability(features) ?? 0;
        Span<float> sums = stackalloc float[heads.Length];
        if (ReadsHeads(r))
        {
            for (int c = 0; c < heads.Length; c++) sums[c] = heads[c].Trees.Score(features);
        }
        return FromSums(r, sums, 1, 0);
    }

    /// <summary>
    /// The stance of each lane of <paramref name="block"/> (laid out as <see cref="LaneTrees.Score"/> reads it) into
    /// <paramref name="into"/>, one per lane from the first: what <see cref="Score(ReadOnlySpan{float})"/> gives for
    /// each, to the bit. The heads are scored in every lane, and read only where that path scores them.
    /// </summary>
    internal void Score(LaneTrees lanes, ReadOnlySpan<float> block, Span<StanceProbabilities> into)
    {
        const int L = LaneTrees.Lanes;
        Span<float> sums = stackalloc float[lanes.Outputs * L];
        lanes.Score(block, sums);
        // The lanes' sums in the order of Ensembles: the related head's first, if any.
        var headSums = related is null ? sums : sums[L..];
        for (int l = 0; l < into.Length; l++) into[l] = FromSums(related?.ProbabilityOfScore(sums[l]) ?? 0, headSums, L, l);
    }

    // Below this related mass the stance heads (three quarters of the tree work) are skipped and the mass is split
    // evenly: every probability moves by less than the bound.
    private bool ReadsHeads(float related) => Shape != ModelShape.TwoStage || related >= SkipStanceHeadsBelow;

    /// <summary>
    /// The stance from the related probability (two stages) and the heads' tree sums, head c's at
    /// c × <paramref name="stride"/> + <paramref name="lane"/> (read only where <see cref="ReadsHeads"/>).
    /// </summary>
    private StanceProbabilities FromSums(float related, ReadOnlySpan<float> sums, int stride, int lane)
    {
        if (Shape == ModelShape.TwoStage && !ReadsHeads(related)) return TwoStage(related, 1, 1, 1);
        float a = heads[0].ProbabilityOfScore(sums[lane]), d = heads[1].ProbabilityOfScore(sums[stride + lane]);
        float s = heads[2].ProbabilityOfScore(sums[2 * stride + lane]);
        return Shape == ModelShape.TwoStage ? TwoStage(related, a, d, s) : Scaled(a, d, s, heads[3].ProbabilityOfScore(sums[3 * stride + lane]));
    }

    /// <summary>This model's ensembles as lanes (<see cref="Ensembles"/> in order), or null where they cannot be.</summary>
    internal LaneTrees? Lanes => lanes.Value;

    private readonly Lazy<LaneTrees?> lanes;

    private StanceProbabilities TwoStage(float r, float a, float d, float s)
    {
        float sum = a + d + s;
        if (sum <= 0) { a = d = s = 1; sum = 3; }
        return Scaled(r * a / sum, r * d / sum, r * s / sum, 1 - r);
    }

    // The scales move the decision towards rare classes; applied after the model's own probabilities.
    private StanceProbabilities Scaled(float agree, float disagree, float discuss, float unrelated)
    {
        agree *= classScale[0];
        disagree *= classScale[1];
        discuss *= classScale[2];
        unrelated *= classScale[3];
        float total = agree + disagree + discuss + unrelated;
        if (total <= 0) return new StanceProbabilities(0.25f, 0.25f, 0.25f, 0.25f);
        return new StanceProbabilities(agree / total, disagree / total, discuss / total, unrelated / total);
    }

    /// <summary>Writes the model; <paramref name="extraEntries"/> (e.g. ML.NET's own saved heads) go in the same zip.</summary>
    public void Save(string path, IReadOnlyDictionary<string, byte[]>? extraEntries = null) => ModelZip.Write(path, ModelEntry, Write, extraEntries);

    /// <summary>The model's own binary form, also embedded in the contradiction model (its lighter pair stance).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(FormatVersion);
        w.Write((int)Shape);
        w.Write(Featurizer.Count);
        featurizer.Model.Write(w);
        featurizer.Lexicon.Write(w);
        w.Write(related is not null);
        related?.Write(w);
        w.Write(heads.Length);
        foreach (var h in heads) h.Write(w);
        foreach (var s in classScale) w.Write(s);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="path"/> names the file in errors.</summary>
    internal static StanceModel Read(BinaryReader r, string path)
    {
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{path}: stance model format {version}, expected {FormatVersion}");
        var shape = (ModelShape)r.ReadInt32();
        int featureCount = r.ReadInt32();
        if (featureCount != Featurizer.Count)
        {
            throw new InvalidDataException($"{path}: model has {featureCount} stance features, this build computes {Featurizer.Count}; retrain it");
        }
        var text = TextModel.Read(r);
        var lexicon = StanceLexicon.Read(r);
        var related = r.ReadBoolean() ? BinaryHead.Read(r) : null;
        var heads = new BinaryHead[r.ReadInt32()];
        for (int i = 0; i < heads.Length; i++) heads[i] = BinaryHead.Read(r);
        var scale = new float[4];
        for (int i = 0; i < 4; i++) scale[i] = r.ReadSingle();
        return new StanceModel(new Featurizer(text, lexicon), shape, related, heads, scale);
    }

    /// <summary>Trees evaluated for a related pair in one direction: what a prediction costs.</summary>
    public int TreesPerPrediction => (related?.Trees.Trees.Count ?? 0) + heads.Sum(h => h.Trees.Trees.Count);

    public static StanceModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: model file not found (train one with 'contradictions train')", path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(ModelEntry) ?? throw new InvalidDataException($"{path}: not a stance model (no {ModelEntry})");
            using var r = new BinaryReader(entry.Open());
            return Read(r, path);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: cannot read stance model: {e.Message}", e);
        }
    }
}
