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
    // Internal nodes of all trees, concatenated, with absolute child indexes: a child >= 0 is a node, a child < 0 is
    // ~(index into weightedLeaves). One struct per node keeps a split in one cache line.
    private readonly Node[] nodes;
    private readonly float[] weightedLeaves;   // leaf value × tree weight, all trees
    private readonly int[] roots;              // per tree with splits: its root node
    private readonly float constant;           // bias plus the single-leaf trees

    [StructLayout(LayoutKind.Sequential)]
    internal readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    // The same trees as code (CompiledTrees), once this many scores have shown the ensemble is in a hot loop:
    // compiling costs 5–25 ms an ensemble, which a command scoring a few hundred pairs would not win back.
    private const int CompileAfter = 20_000;
    private CompiledTrees? compiled;
    private int calls;

    public float Bias { get; }

    public TreeEnsemble(float bias, IReadOnlyList<Tree> trees)
    {
        Bias = bias;
        nodes = new Node[trees.Sum(t => t.Feature.Length)];
        weightedLeaves = new float[trees.Sum(t => t.Leaves.Length)];
        var roots = new List<int>(trees.Count);
        constant = bias;
        int n = 0, l = 0;
        for (int t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            for (int i = 0; i < tree.Leaves.Length; i++) weightedLeaves[l + i] = tree.Weight * tree.Leaves[i];
            if (tree.Feature.Length == 0)
            {
                constant += weightedLeaves[l];
            }
            else
            {
                roots.Add(n);
                for (int i = 0; i < tree.Feature.Length; i++)
                {
                    if ((uint)tree.Feature[i] >= MaxFeatures) throw new InvalidDataException($"tree {t} splits on feature {tree.Feature[i]}");
                    nodes[n + i] = new Node(tree.Feature[i], tree.Threshold[i], Absolute(tree.Left[i], n, l), Absolute(tree.Right[i], n, l));
                }
            }
            n += tree.Feature.Length;
            l += tree.Leaves.Length;
        }
        this.roots = roots.ToArray();
        Trees = trees;
        RequiredFeatures = trees.SelectMany(t => t.Feature).DefaultIfEmpty(-1).Max() + 1;
    }

    private static int Absolute(int child, int nodeOffset, int leafOffset) => child < 0 ? ~(~child + leafOffset) : child + nodeOffset;

    public IReadOnlyList<Tree> Trees { get; }

    /// <summary>The flattened form (<see cref="CompiledTrees"/> and <see cref="LaneTrees"/> are built from it).</summary>
    internal (float Constant, int[] Roots, Node[] Nodes, float[] WeightedLeaves) Flat => (constant, roots, nodes, weightedLeaves);

    /// <summary>Feature indexes are checked against this bound at construction, so scoring can skip bounds checks.</summary>
    public const int MaxFeatures = 1024;

    /// <summary>
    /// The ensemble's raw score: from the compiled trees once they are ready (compiled on a thread of their own after
    /// <see cref="CompileAfter"/> scores), walked until then. Both sum the leaves in tree order (single-leaf trees,
    /// constants, first) and give the same float.
    /// </summary>
    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length < RequiredFeatures)
        {
            throw new ArgumentException($"needs {RequiredFeatures} features, got {features.Length}", nameof(features));
        }
        if (Volatile.Read(ref compiled) is { } code) return code.Score(ref MemoryMarshal.GetReference(features));
        if (calls < CompileAfter && Interlocked.Increment(ref calls) == CompileAfter) StartCompiling();
        return WalkUnchecked(features);
    }

    /// <summary>
    /// Starts compiling now, on a thread of its own, unless already started: for a caller that knows many scores are
    /// coming (<see cref="CompileAfter"/> or more), so they need not be walked until enough of them have been.
    /// </summary>
    internal void CompileSoon()
    {
        if (Interlocked.Exchange(ref calls, CompileAfter) < CompileAfter) StartCompiling();
    }

    // Until it is ready (or if code cannot be generated here) the walk goes on, with the same scores. A thread of its
    // own: the hot loop is often a Parallel.For holding every pool thread, and a queued work item would wait for the
    // loop's end.
    private void StartCompiling() => new Thread(CompileQuietly) { IsBackground = true, Name = "compile trees" }.Start();

    // On its own thread an exception would end the process; the walk gives the same scores, so a failure to compile
    // costs speed only (and Compile, which tests call on the committed models, throws it).
    private void CompileQuietly()
    {
        try
        {
            Compile();
        }
        catch (Exception)
        {
            // The walk stays, with the same scores.
        }
    }

    /// <summary>Whether compiling has been started (by <see cref="CompileSoon"/> or by the count of scores).</summary>
    internal bool CompileRequested => Volatile.Read(ref calls) >= CompileAfter;

    /// <summary>Whether scores now come from the compiled trees.</summary>
    internal bool IsCompiled => Volatile.Read(ref compiled) is not null;

    /// <summary>Compiles the trees now (the scores then come from <see cref="CompiledTrees"/>); false where code cannot be generated.</summary>
    internal bool Compile()
    {
        var code = CompiledTrees.TryBuild(constant, roots, nodes, weightedLeaves);
        // A dynamic method is compiled to machine code on its first call: make that call here, not on the threads
        // that score (which would each wait for it).
        code?.Score(ref MemoryMarshal.GetArrayDataReference(new float[Math.Max(1, RequiredFeatures)]));
        Volatile.Write(ref compiled, code);
        return code is not null;
    }

    /// <summary>
    /// The score by walking the node arrays. Trees are walked four at a time: each walk is a chain of dependent loads
    /// and hard-to-predict branches, and four independent chains keep the core busy while one waits.
    /// </summary>
    internal float Walk(ReadOnlySpan<float> features)
    {
        if (features.Length < RequiredFeatures) throw new ArgumentException($"needs {RequiredFeatures} features, got {features.Length}", nameof(features));
        return WalkUnchecked(features);
    }

    private float WalkUnchecked(ReadOnlySpan<float> features)
    {
        ref float f = ref MemoryMarshal.GetReference(features);
        ref Node node0 = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref float leaf0 = ref MemoryMarshal.GetArrayDataReference(weightedLeaves);
        float sum = constant;
        int t = 0;
        for (; t + 4 <= roots.Length; t += 4)
        {
            int a = roots[t], b = roots[t + 1], c = roots[t + 2], d = roots[t + 3];
            // Until all four reach a leaf (a negative index); finished walks stay put.
            while ((a & b & c & d) >= 0)
            {
                if (a >= 0) a = Step(ref node0, ref f, a);
                if (b >= 0) b = Step(ref node0, ref f, b);
                if (c >= 0) c = Step(ref node0, ref f, c);
                if (d >= 0) d = Step(ref node0, ref f, d);
            }
            sum += Unsafe.Add(ref leaf0, ~a);
            sum += Unsafe.Add(ref leaf0, ~b);
            sum += Unsafe.Add(ref leaf0, ~c);
            sum += Unsafe.Add(ref leaf0, ~d);
        }
        for (; t < roots.Length; t++)
        {
            int a = roots[t];
            while (a >= 0) a = Step(ref node0, ref f, a);
            sum += Unsafe.Add(ref leaf0, ~a);
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node node0, ref float f, int index)
    {
        ref readonly Node node = ref Unsafe.Add(ref node0, index);
        return Unsafe.Add(ref f, node.Feature) <= node.Threshold ? node.Left : node.Right;
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
