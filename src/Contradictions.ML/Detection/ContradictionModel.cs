using System.IO.Compression;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.ML.Features;
using Contradictions.ML.Model;

namespace Contradictions.ML.Detection;

/// <summary>
/// The contradiction scorer: stance probabilities both ways plus the <see cref="PairFeatureExtractor"/> cues, into
/// FastTree trees with a Platt calibrator fitted on pairs the trees did not train on. The stance comes from the
/// model's own pair stance model, saved inside it: the same features as the stance classifier with far fewer trees
/// (every candidate pair pays for two predictions), so the file is self-contained and a retrained stance
/// classifier cannot change what the pair trees were trained on. Thread-safe; claim preparation is cached by claim id.
/// </summary>
public sealed partial class ContradictionModel : IContradictionScorer
{
    private const int FormatVersion = 2;
    private const string Entry = "contradiction-model.bin";

    private readonly StanceModel stance;
    private readonly BinaryHead head;
    private readonly ClaimCache<Prepared> cache = new();

    private sealed record Prepared(PreparedClaimText Text, ClaimFeatures AsClaim, PassageFeatures AsPassage);

    internal ContradictionModel(StanceModel stance, BinaryHead head)
    {
        this.stance = stance;
        this.head = head;
        pairLanes = new(() => LaneTrees.TryBuild([head.Trees]));
    }

    internal BinaryHead Head => head;

    /// <summary>The stance model whose probabilities (both ways) are pair features.</summary>
    public StanceModel PairStance => stance;

    /// <summary>Pairs below this confidence get no cues: they cannot become flags, and cues are the costly part.</summary>
    public const float ExplainFrom = 0.05f;

    public ScoredPair Score(ClaimContext a, ClaimContext b) => Score(a, b, ExplainFrom);

    public ScoredPair Score(ClaimContext a, ClaimContext b, float explainFrom)
    {
        var pa = Prepare(a);
        var pb = Prepare(b);
        var (ab, ba) = stance.PredictBoth(pa.AsClaim, pa.AsPassage, pb.AsClaim, pb.AsPassage);
        Span<float> f = stackalloc float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(a, pa.Text, b, pb.Text, ab, ba, f);
        return Scored(a, pa, b, pb, ab, ba, f, SymmetricProbability(head, f), explainFrom);
    }

    // The score of a pair with its features and confidence: cues only from explainFrom on.
    private static ScoredPair Scored(ClaimContext a, Prepared pa, ClaimContext b, Prepared pb, StanceProbabilities ab, StanceProbabilities ba,
        ReadOnlySpan<float> f, float confidence, float explainFrom)
    {
        IReadOnlyList<string> cues = confidence < explainFrom ? [] : PairFeatureExtractor.Cues(a, pa.Text, b, pb.Text, f);
        return new ScoredPair(confidence, PairFeatureExtractor.Kind(f), cues, ab, ba, f[PairFeatureExtractor.JaccardIndex]);
    }

    /// <summary>
    /// The calibrated confidence alone: both stance predictions, the pair features and the trees, with nothing
    /// allocated once both claims are prepared (cached by claim id).
    /// </summary>
    public float Confidence(ClaimContext a, ClaimContext b)
    {
        var pa = Prepare(a);
        var pb = Prepare(b);
        var (ab, ba) = stance.PredictBoth(pa.AsClaim, pa.AsPassage, pb.AsClaim, pb.AsPassage);
        Span<float> f = stackalloc float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(a, pa.Text, b, pb.Text, ab, ba, f);
        return SymmetricProbability(head, f);
    }

    /// <summary>
    /// The calibrated probability of the mean tree score over both orders of the pair: the trees are not exactly
    /// symmetric, and a flag's confidence must not depend on which claim happened to be stored first.
    /// </summary>
    internal static float SymmetricProbability(BinaryHead head, ReadOnlySpan<float> f) => head.ProbabilityOfScore(SymmetricScore(head.Trees, f));

    internal static float SymmetricScore(TreeEnsemble trees, ReadOnlySpan<float> f)
    {
        Span<float> swapped = stackalloc float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Swap(f, swapped);
        return MeanOfOrders(trees.Score(f), trees.Score(swapped));
    }

    private static float MeanOfOrders(float scoreAB, float scoreBA) => (scoreAB + scoreBA) / 2;

    /// <summary>Pair features without the calibrated head, for training.</summary>
    internal float[] Features(ClaimContext a, ClaimContext b) => Analyze(stance, a, b).Features;

    internal static PairAnalysis Analyze(StanceModel stance, ClaimContext a, ClaimContext b)
    {
        var ta = PreparedClaimText.From(a.Claim);
        var tb = PreparedClaimText.From(b.Claim);
        var ab = stance.Predict(a.Claim.Text, b.Claim.Text);
        var ba = stance.Predict(b.Claim.Text, a.Claim.Text);
        return PairFeatureExtractor.Analyze(a, ta, b, tb, ab, ba);
    }

    /// <summary>
    /// Prepares a stored claim ahead of scoring (cached by its id, as scoring would). Only a scan prepares claims
    /// ahead, each one with several candidate pairs to come. Where its pairs are not scored in lanes (no AVX-512),
    /// after <see cref="CompileTreesAfterPrepared"/> of them the trees are compiled at once, beside the preparing,
    /// instead of being walked through the first of those pairs (until their own count of scores would start it).
    /// </summary>
    public void Prepare(long claimId, Core.Claims.Claim claim)
    {
        if (claimId < 0) return;
        Cached(claimId, claim);
        if (Interlocked.Increment(ref prepared) == CompileTreesAfterPrepared && !ScoresInLanes)
        {
            foreach (var trees in stance.Ensembles.Append(head.Trees)) trees.CompileSoon();
        }
    }

    /// <summary>
    /// Claims prepared ahead after which the trees are compiled: 2,000 claims have about 12,000 candidate pairs
    /// (six a claim among the FNC-1 bodies), which score each stance ensemble 24,000 times and the pair trees as
    /// often, past the point where compiling pays (TreeEnsemble compiles after 20,000 scores).
    /// </summary>
    internal const int CompileTreesAfterPrepared = 2_000;

    private int prepared;

    private Prepared Prepare(ClaimContext c) => c.ClaimId < 0 ? Prepare(c.Claim, stance) : Cached(c.ClaimId, c.Claim);

    private Prepared Cached(long claimId, Core.Claims.Claim claim) =>
        cache.GetOrAdd(claimId, static arg => Prepare(arg.Claim, arg.Model), (Claim: claim, Model: stance));

    private static Prepared Prepare(Core.Claims.Claim claim, StanceModel stance)
    {
        var (asClaim, asPassage) = stance.FeaturesOfBoth(claim.Text);
        return new(PreparedClaimText.From(claim), asClaim, asPassage);
    }

    public void Save(string path, byte[]? mlNetHead = null) => ModelZip.Write(path, Entry, w =>
    {
        w.Write(FormatVersion);
        w.Write(PairFeatureExtractor.Count);
        head.Write(w);
        stance.Write(w);
    }, mlNetHead is null ? null : new Dictionary<string, byte[]> { ["mlnet/contradiction.zip"] = mlNetHead });

    /// <summary>Loads the pair model with its pair stance model.</summary>
    public static ContradictionModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: contradiction model not found (train one with 'contradictions train-detector')", path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(Entry) ?? throw new InvalidDataException($"{path}: not a contradiction model (no {Entry})");
            using var r = new BinaryReader(entry.Open());
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path}: model format {version}, expected {FormatVersion}; retrain it with 'contradictions train-detector'");
            int count = r.ReadInt32();
            if (count != PairFeatureExtractor.Count)
            {
                throw new InvalidDataException($"{path}: model has {count} pair features, this build computes {PairFeatureExtractor.Count}; retrain it");
            }
            var head = BinaryHead.Read(r);
            return new ContradictionModel(StanceModel.Read(r, path), head);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: cannot read contradiction model: {e.Message}", e);
        }
    }
}
