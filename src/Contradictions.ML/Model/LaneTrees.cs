using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Contradictions.ML.Model;

/// <summary>
/// Tree ensembles scored on <see cref="Lanes"/> feature vectors at once, by QuickScorer (Lucchese et al., SIGIR 2015)
/// in AVX-512 lanes. Each tree keeps a bit per leaf, left to right, in each lane. The splits of all trees are sorted
/// by feature and threshold. For each feature, the splits whose threshold is below the lane's value (the lane goes
/// right there) clear the bits of their left subtree. The leftmost bit left is the lane's exit leaf. The compiled
/// trees (<see cref="CompiledTrees"/>) take a hard-to-predict branch per split and pair. Here a feature's splits are
/// read in order until every lane goes left, with one predictable exit a feature.
/// Each lane's leaves are added in tree order from the ensemble's constant, as <see cref="TreeEnsemble"/> adds them,
/// so every lane's score is the same float to the bit (tested).
/// </summary>
internal sealed class LaneTrees
{
    /// <summary>Feature vectors scored at once: one 32-bit lane each of an AVX-512 register.</summary>
    public const int Lanes = 16;

    // A tree's leaves are bits of one lane, and its leaf values are read with one two-register permute.
    private const int MaxLeaves = 32;

    // Bounds on what a score keeps on the stack: the bit rows (trees × lanes × 4 bytes, at most 32 KB) and the sums.
    private const int MaxTrees = 512;
    private const int MaxOutputs = 16;

    // Per feature f, its splits are [featureStart[f], featureStart[f + 1]), by ascending threshold.
    private readonly int[] featureStart;
    private readonly int[] usedFeatures;
    private readonly float[] thresholds;
    private readonly int[] rowOf;          // the split's tree × Lanes: where its tree's bits start
    private readonly uint[] goRight;       // the tree's bits without the split's left subtree
    private readonly float[] leaves;       // tree × MaxLeaves + rank from the left: the weighted leaf value
    private readonly int[] outputOf;       // per tree: the ensemble it adds to
    private readonly float[] constants;    // per ensemble: bias and single-leaf trees, as TreeEnsemble sums them

    private LaneTrees(int[] featureStart, float[] thresholds, int[] rowOf, uint[] goRight, float[] leaves, int[] outputOf, float[] constants, int requiredFeatures)
    {
        this.featureStart = featureStart;
        this.thresholds = thresholds;
        this.rowOf = rowOf;
        this.goRight = goRight;
        this.leaves = leaves;
        this.outputOf = outputOf;
        this.constants = constants;
        RequiredFeatures = requiredFeatures;
        usedFeatures = Enumerable.Range(0, featureStart.Length - 1).Where(f => featureStart[f + 1] > featureStart[f]).ToArray();
    }

    /// <summary>
    /// Whether the lanes run here: AVX-512 with conflict detection (for the leading-zero count), and 512-bit vectors
    /// accelerated, which .NET turns off on some processors that have AVX-512 but slow down running it.
    /// </summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512CD.IsSupported;

    /// <summary>Ensembles scored, one sum each.</summary>
    public int Outputs => constants.Length;

    /// <summary>Features a block must hold per lane: one more than the highest a split reads.</summary>
    public int RequiredFeatures { get; }

    /// <summary>
    /// The ensembles as lanes, or null where .NET does not run AVX-512 here (<see cref="IsSupported"/>), a tree has more
    /// than 32 leaves, or there are more than 512 trees with splits or 16 ensembles: callers then score each vector
    /// with <see cref="TreeEnsemble.Score"/>.
    /// </summary>
    public static LaneTrees? TryBuild(IReadOnlyList<TreeEnsemble> ensembles)
    {
        if (!IsSupported || ensembles.Count > MaxOutputs) return null;
        var splits = new List<(int Feature, float Threshold, int Tree, uint GoRight)>();
        var leafValues = new List<float>();
        var outputs = new List<int>();
        var constants = new float[ensembles.Count];
        for (int e = 0; e < ensembles.Count; e++)
        {
            var (constant, roots, nodes, weighted) = ensembles[e].Flat;
            constants[e] = constant;
            foreach (int root in roots)
            {
                int tree = outputs.Count;
                if (tree >= MaxTrees) return null;
                var ranked = new List<int>();
                if (!Rank(root, nodes, ranked, splits, tree)) return null;
                for (int i = 0; i < MaxLeaves; i++) leafValues.Add(i < ranked.Count ? weighted[ranked[i]] : 0f);
                outputs.Add(e);
            }
        }
        int features = splits.Count == 0 ? 0 : splits.Max(s => s.Feature) + 1;
        // Ascending, NaN first (float's order): Score stops at the first threshold every lane is at or below, which
        // is then true of all that follow; a NaN threshold sends every lane right, so it must come before.
        var sorted = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ToArray();
        var start = new int[features + 1];
        foreach (var s in sorted) start[s.Feature + 1]++;
        for (int f = 0; f < features; f++) start[f + 1] += start[f];
        return new LaneTrees(start, [.. sorted.Select(s => s.Threshold)], [.. sorted.Select(s => s.Tree * Lanes)],
            [.. sorted.Select(s => s.GoRight)], [.. leafValues], [.. outputs], constants, features);
    }

    // Numbers the leaves under node from the left (into ranked, as indexes of the weighted leaves) and adds each split
    // with the mask that clears its left subtree's leaves. False when the tree has more leaves than a lane has bits.
    private static bool Rank(int node, TreeEnsemble.Node[] nodes, List<int> ranked, List<(int, float, int, uint)> splits, int tree)
    {
        if (node < 0)
        {
            ranked.Add(~node);
            return ranked.Count <= MaxLeaves;
        }
        var (feature, threshold, left, right) = nodes[node];
        int first = ranked.Count;
        if (!Rank(left, nodes, ranked, splits, tree)) return false;
        // Fewer than 32: a left subtree of 32 leaves leaves the tree too many, and it is refused below.
        int count = ranked.Count - first;
        uint leftLeaves = ((1u << count) - 1) << first;
        splits.Add((feature, threshold, tree, ~leftLeaves));
        return Rank(right, nodes, ranked, splits, tree);
    }

    /// <summary>
    /// Scores the <see cref="Lanes"/> vectors of <paramref name="block"/>, which holds feature f of lane l at
    /// f × Lanes + l, into <paramref name="sums"/>: ensemble e's score of lane l at e × Lanes + l.
    /// </summary>
    public void Score(ReadOnlySpan<float> block, Span<float> sums)
    {
        if (block.Length < RequiredFeatures * Lanes) throw new ArgumentException($"needs {RequiredFeatures} features a lane", nameof(block));
        if (sums.Length < Outputs * Lanes) throw new ArgumentException($"needs room for {Outputs} sums a lane", nameof(sums));
        int trees = outputOf.Length;
        // Sized to these trees: the stack is cleared for whatever is allocated, and most sets are far from the bound.
        Span<uint> bits = stackalloc uint[trees * Lanes];
        bits.Fill(uint.MaxValue);
        ref uint bits0 = ref MemoryMarshal.GetReference(bits);
        ref float block0 = ref MemoryMarshal.GetReference(block);
        ref float threshold0 = ref MemoryMarshal.GetArrayDataReference(thresholds);
        ref int row0 = ref MemoryMarshal.GetArrayDataReference(rowOf);
        ref uint mask0 = ref MemoryMarshal.GetArrayDataReference(goRight);
        foreach (int f in usedFeatures)
        {
            var x = Vector512.LoadUnsafe(ref block0, (nuint)(f * Lanes));
            for (int i = featureStart[f], end = featureStart[f + 1]; i < end; i++)
            {
                // Not (x > threshold): NaN goes right, as in the walk.
                var left = Vector512.LessThanOrEqual(x, Vector512.Create(Unsafe.Add(ref threshold0, i))).AsUInt32();
                if (left == Vector512<uint>.AllBitsSet) break;
                ref uint row = ref Unsafe.Add(ref bits0, Unsafe.Add(ref row0, i));
                (Vector512.LoadUnsafe(ref row) & (left | Vector512.Create(Unsafe.Add(ref mask0, i)))).StoreUnsafe(ref row);
            }
        }

        Span<Vector512<float>> total = stackalloc Vector512<float>[Outputs];
        for (int e = 0; e < total.Length; e++) total[e] = Vector512.Create(constants[e]);
        ref float leaf0 = ref MemoryMarshal.GetArrayDataReference(leaves);
        var lastBit = Vector512.Create((uint)(MaxLeaves - 1));
        for (int t = 0; t < trees; t++)
        {
            var row = Vector512.LoadUnsafe(ref bits0, (nuint)(t * Lanes));
            // The lowest bit left is the exit leaf (one always is): its rank is 31 minus the leading zeros of that bit.
            var exit = (lastBit - Avx512CD.LeadingZeroCount(row & (Vector512<uint>.Zero - row))).AsInt32();
            var values = Avx512F.PermuteVar16x32x2(Vector512.LoadUnsafe(ref leaf0, (nuint)(t * MaxLeaves)), exit,
                Vector512.LoadUnsafe(ref leaf0, (nuint)(t * MaxLeaves + Lanes)));
            total[outputOf[t]] += values;
        }
        for (int e = 0; e < total.Length; e++) total[e].CopyTo(sums.Slice(e * Lanes, Lanes));
    }
}
