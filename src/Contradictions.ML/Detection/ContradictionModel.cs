using System.Collections.Concurrent;
using System.IO.Compression;
using Contradictions.Core.Detection;
using Contradictions.ML.Model;

namespace Contradictions.ML.Detection;

/// <summary>
/// The contradiction scorer: stance probabilities both ways (from <see cref="StanceModel"/>) plus the
/// <see cref="PairFeatureExtractor"/> cues, into FastTree trees with a Platt calibrator fitted on pairs the trees
/// did not train on. Thread-safe; claim preparation is cached by claim id.
/// </summary>
public sealed class ContradictionModel : IContradictionScorer
{
    private const int FormatVersion = 1;
    private const string Entry = "contradiction-model.bin";

    private readonly StanceModel stance;
    private readonly BinaryHead head;
    private readonly ConcurrentDictionary<long, Prepared> cache = new();

    private sealed record Prepared(PreparedClaimText Text, PreparedClaim AsClaim, PreparedPassage AsPassage);

    internal ContradictionModel(StanceModel stance, BinaryHead head)
    {
        this.stance = stance;
        this.head = head;
    }

    internal BinaryHead Head => head;

    /// <summary>Pairs below this confidence get no cues: they cannot become flags, and cues are the costly part.</summary>
    public const float ExplainFrom = 0.05f;

    public ScoredPair Score(ClaimContext a, ClaimContext b)
    {
        var pa = Prepare(a);
        var pb = Prepare(b);
        var ab = stance.Predict(pa.AsClaim, pb.AsPassage);
        var ba = stance.Predict(pb.AsClaim, pa.AsPassage);
        Span<float> f = stackalloc float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(a, pa.Text, b, pb.Text, ab, ba, f);
        float confidence = head.Probability(f);
        var overlap = f[PairFeatureExtractor.Index("jaccard")];
        IReadOnlyList<string> cues = confidence < ExplainFrom ? [] : PairFeatureExtractor.Cues(a, pa.Text, b, pb.Text, f);
        return new ScoredPair(confidence, PairFeatureExtractor.Kind(f), cues, ab, ba, overlap);
    }

    /// <summary>
    /// The calibrated confidence alone: both stance predictions, the pair features and the trees, with nothing
    /// allocated once both claims are prepared (cached by claim id).
    /// </summary>
    public float Confidence(ClaimContext a, ClaimContext b)
    {
        var pa = Prepare(a);
        var pb = Prepare(b);
        Span<float> f = stackalloc float[PairFeatureExtractor.Count];
        PairFeatureExtractor.Compute(a, pa.Text, b, pb.Text, stance.Predict(pa.AsClaim, pb.AsPassage), stance.Predict(pb.AsClaim, pa.AsPassage), f);
        return head.Probability(f);
    }

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

    private Prepared Prepare(ClaimContext c) => c.ClaimId < 0
        ? Prepare(c.Claim, stance)
        : cache.GetOrAdd(c.ClaimId, static (_, arg) => Prepare(arg.Claim, arg.Model), (c.Claim, Model: stance));

    private static Prepared Prepare(Core.Claims.Claim claim, StanceModel stance) =>
        new(PreparedClaimText.From(claim), stance.PrepareClaim(claim.Text), stance.PreparePassage(claim.Text));

    public void Save(string path, byte[]? mlNetHead = null) => ModelZip.Write(path, Entry, w =>
    {
        w.Write(FormatVersion);
        w.Write(PairFeatureExtractor.Count);
        head.Write(w);
    }, mlNetHead is null ? null : new Dictionary<string, byte[]> { ["mlnet/contradiction.zip"] = mlNetHead });

    /// <summary>Loads the pair model and the stance model it was trained with.</summary>
    public static ContradictionModel Load(string path, StanceModel stance)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: contradiction model not found (train one with 'contradictions train-detector')", path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(Entry) ?? throw new InvalidDataException($"{path}: not a contradiction model (no {Entry})");
            using var r = new BinaryReader(entry.Open());
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path}: model format {version}, expected {FormatVersion}");
            int count = r.ReadInt32();
            if (count != PairFeatureExtractor.Count)
            {
                throw new InvalidDataException($"{path}: model has {count} pair features, this build computes {PairFeatureExtractor.Count}; retrain it");
            }
            return new ContradictionModel(stance, BinaryHead.Read(r));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: cannot read contradiction model: {e.Message}", e);
        }
    }
}
