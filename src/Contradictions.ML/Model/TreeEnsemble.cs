namespace Contradictions.ML.Model;

/// <summary>
/// A boosted tree ensemble flattened into arrays, evaluated without allocation. Exported from ML.NET's
/// FastTree after training so the scoring hot path skips PredictionEngine's per-call overhead; a test checks
/// it reproduces ML.NET's own scores.
/// </summary>
internal sealed class TreeEnsemble
{
    // Per internal node (all trees concatenated): split feature, threshold, children. A negative child c is leaf ~c.
    private readonly int[] feature;
    private readonly float[] threshold;
    private readonly int[] left;
    private readonly int[] right;
    private readonly float[] leaves;
    private readonly int[] nodeOffset;   // per tree, -1 for a single-leaf tree
    private readonly int[] leafOffset;   // per tree
    private readonly float[] weight;     // per tree

    public float Bias { get; }

    public TreeEnsemble(float bias, IReadOnlyList<Tree> trees)
    {
        Bias = bias;
        int nodes = trees.Sum(t => t.Feature.Length), leafCount = trees.Sum(t => t.Leaves.Length);
        feature = new int[nodes];
        threshold = new float[nodes];
        left = new int[nodes];
        right = new int[nodes];
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
            tree.Feature.CopyTo(feature, n);
            tree.Threshold.CopyTo(threshold, n);
            tree.Left.CopyTo(left, n);
            tree.Right.CopyTo(right, n);
            tree.Leaves.CopyTo(leaves, l);
            n += tree.Feature.Length;
            l += tree.Leaves.Length;
        }
        Trees = trees;
    }

    public IReadOnlyList<Tree> Trees { get; }

    public float Score(ReadOnlySpan<float> features)
    {
        float sum = Bias;
        for (int t = 0; t < weight.Length; t++)
        {
            int offset = nodeOffset[t];
            int leaf;
            if (offset < 0)
            {
                leaf = 0;
            }
            else
            {
                int node = 0;
                while (true)
                {
                    int i = offset + node;
                    int child = features[feature[i]] <= threshold[i] ? left[i] : right[i];
                    if (child < 0) { leaf = ~child; break; }
                    node = child;
                }
            }
            sum += weight[t] * leaves[leafOffset[t] + leaf];
        }
        return sum;
    }

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
    public float Probability(ReadOnlySpan<float> features) => 1f / (1f + MathF.Exp(Slope * Trees.Score(features) + Offset));

    public void Write(BinaryWriter w)
    {
        Trees.Write(w);
        w.Write(Slope);
        w.Write(Offset);
    }

    public static BinaryHead Read(BinaryReader r) => new(TreeEnsemble.Read(r), r.ReadSingle(), r.ReadSingle());
}
