using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Contradictions.ML.Model;

/// <summary>
/// A boosted tree ensemble flattened into arrays, evaluated without allocation. Exported from ML.NET's
/// FastTree after training so the scoring hot path skips PredictionEngine's per-call overhead; a test checks
/// it reproduces ML.NET's own scores.
/// </summary>
internal sealed class TreeEnsemble
{
    // Internal nodes of all trees, concatenated; one struct per node keeps a split in one cache line.
    private readonly Node[] nodes;
    private readonly float[] leaves;
    private readonly int[] nodeOffset;   // per tree, -1 for a single-leaf tree
    private readonly int[] leafOffset;   // per tree
    private readonly float[] weight;     // per tree

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    public float Bias { get; }

    public TreeEnsemble(float bias, IReadOnlyList<Tree> trees)
    {
        Bias = bias;
        int nodes = trees.Sum(t => t.Feature.Length), leafCount = trees.Sum(t => t.Leaves.Length);
        this.nodes = new Node[nodes];
        leaves = new float[leafCount];
        nodeOffset = new int[trees.Count];
        leafOffset = new int[trees.Count];
        weight = new float[trees.Count];
        int n = 0, l = 0;
        for (int t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            nodeOffset[t] = tree.Feature.Length == 0 ? -1 : n;
            leafOffset[t] = l;
            weight[t] = tree.Weight;
            for (int i = 0; i < tree.Feature.Length; i++)
            {
                if ((uint)tree.Feature[i] >= MaxFeatures) throw new InvalidDataException($"tree {t} splits on feature {tree.Feature[i]}");
                this.nodes[n + i] = new Node(tree.Feature[i], tree.Threshold[i], tree.Left[i], tree.Right[i]);
            }
            tree.Leaves.CopyTo(leaves, l);
            n += tree.Feature.Length;
            l += tree.Leaves.Length;
        }
        Trees = trees;
        RequiredFeatures = trees.SelectMany(t => t.Feature).DefaultIfEmpty(-1).Max() + 1;
    }

    public IReadOnlyList<Tree> Trees { get; }

    /// <summary>Feature indexes are checked against this bound at construction, so scoring can skip bounds checks.</summary>
    public const int MaxFeatures = 1024;

    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length < RequiredFeatures)
        {
            throw new ArgumentException($"needs {RequiredFeatures} features, got {features.Length}", nameof(features));
        }
        ref float f = ref MemoryMarshal.GetReference(features);
        ref Node node0 = ref MemoryMarshal.GetArrayDataReference(nodes);
        float sum = Bias;
        for (int t = 0; t < weight.Length; t++)
        {
            int offset = nodeOffset[t];
            int leaf = 0;
            if (offset >= 0)
            {
                int index = offset;
                while (true)
                {
                    ref readonly Node node = ref Unsafe.Add(ref node0, index);
                    int child = Unsafe.Add(ref f, node.Feature) <= node.Threshold ? node.Left : node.Right;
                    if (child < 0) { leaf = ~child; break; }
                    index = offset + child;
                }
            }
            sum += weight[t] * leaves[leafOffset[t] + leaf];
        }
        return sum;
    }

    /// <summary>One more than the highest feature index any split reads.</summary>
    public int RequiredFeatures { get; }

    /// <summary>One regression tree in ML.NET's layout.</summary>
    public sealed record Tree(float Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaves);

    public void Write(BinaryWriter w)
    {
        w.Write(Bias);
        w.Write(Trees.Count);
        foreach (var t in Trees)
        {
            w.Write(t.Weight);
            WriteArray(w, t.Feature, static (w, v) => w.Write(v));
            WriteArray(w, t.Threshold, static (w, v) => w.Write(v));
            WriteArray(w, t.Left, static (w, v) => w.Write(v));
            WriteArray(w, t.Right, static (w, v) => w.Write(v));
            WriteArray(w, t.Leaves, static (w, v) => w.Write(v));
        }
    }

    public static TreeEnsemble Read(BinaryReader r)
    {
        float bias = r.ReadSingle();
        int count = r.ReadInt32();
        var trees = new List<Tree>(count);
        for (int i = 0; i < count; i++)
        {
            float weight = r.ReadSingle();
            trees.Add(new Tree(weight, ReadArray(r, static r => r.ReadInt32()), ReadArray(r, static r => r.ReadSingle()),
                ReadArray(r, static r => r.ReadInt32()), ReadArray(r, static r => r.ReadInt32()), ReadArray(r, static r => r.ReadSingle())));
        }
        return new TreeEnsemble(bias, trees);
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values, Action<BinaryWriter, T> write)
    {
        w.Write(values.Length);
        foreach (var v in values) write(w, v);
    }

    private static T[] ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var values = new T[r.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = read(r);
        return values;
    }
}

/// <summary>A calibrated binary scorer: trees, then Platt's sigmoid p = 1 / (1 + exp(slope·score + offset)).</summary>
internal sealed record BinaryHead(TreeEnsemble Trees, float Slope, float Offset)
{
    public float Probability(ReadOnlySpan<float> features) => ProbabilityOfScore(Trees.Score(features));

    public float ProbabilityOfScore(float score) => 1f / (1f + MathF.Exp(Slope * score + Offset));

    public void Write(BinaryWriter w)
    {
        Trees.Write(w);
        w.Write(Slope);
        w.Write(Offset);
    }

    public static BinaryHead Read(BinaryReader r) => new(TreeEnsemble.Read(r), r.ReadSingle(), r.ReadSingle());
}
