using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Contradictions.ML.Model;

/// <summary>
/// A tree ensemble compiled to IL: each split is a compare and a branch on a constant, each leaf adds its constant to
/// the sum. Walking the node arrays costs a dependent load per split and funnels every split through the same few
/// branch instructions; compiled, each split has its own branch and its threshold is in the code, which halves the
/// time of a walk (a pair's 420 walks were a sixth of a scan). The sum runs through the trees in the order
/// <see cref="TreeEnsemble"/> adds them, so the score is the same float to the bit (tested; with finite leaves, as
/// trained trees have: a sum of two different NaNs may keep either one's bits).
/// </summary>
internal sealed class CompiledTrees
{
    // The running sum goes in and out of each group: summing a group apart and adding it would round differently.
    private delegate float Group(ref float features, float sum);

    /// <summary>
    /// Splits and leaves per compiled method. The JIT gives up optimising a method past about 2,000 basic blocks
    /// (a split is one or two, a leaf one); a call per group costs little next to the group's walks.
    /// </summary>
    private const int GroupBudget = 600;

    private readonly Group[] groups;
    private readonly float constant;

    private CompiledTrees(Group[] groups, float constant)
    {
        this.groups = groups;
        this.constant = constant;
    }

    /// <summary>The score of <paramref name="features"/>, which must hold every feature a split reads (the caller checks).</summary>
    public float Score(ref float features)
    {
        float sum = constant;
        foreach (var group in groups) sum = group(ref features, sum);
        return sum;
    }

    /// <summary>
    /// Compiles trees given in <see cref="TreeEnsemble"/>'s flat form (a child ≥ 0 is a node, ~child a leaf), or null
    /// where code cannot be generated at run time (ahead-of-time compiled builds).
    /// </summary>
    public static CompiledTrees? TryBuild(float constant, int[] roots, TreeEnsemble.Node[] nodes, float[] leaves)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled) return null;
        var groups = new List<Group>();
        int start = 0;
        while (start < roots.Length)
        {
            int end = start, size = 0;
            while (end < roots.Length && (end == start || size + Size(nodes, roots[end]) <= GroupBudget)) size += Size(nodes, roots[end++]);
            groups.Add(Emit(roots.AsSpan(start, end - start), nodes, leaves, groups.Count));
            start = end;
        }
        return new CompiledTrees([.. groups], constant);
    }

    private static int Size(TreeEnsemble.Node[] nodes, int node) =>
        node < 0 ? 1 : 1 + Size(nodes, nodes[node].Left) + Size(nodes, nodes[node].Right);

    private static Group Emit(ReadOnlySpan<int> roots, TreeEnsemble.Node[] nodes, float[] leaves, int index)
    {
        var method = new DynamicMethod($"trees{index}", typeof(float), [typeof(float).MakeByRefType(), typeof(float)], typeof(CompiledTrees).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var sum = il.DeclareLocal(typeof(float));
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stloc, sum);
        foreach (int root in roots)
        {
            var done = il.DefineLabel();
            EmitNode(il, root, nodes, leaves, sum, done);
            il.MarkLabel(done);
        }
        il.Emit(OpCodes.Ldloc, sum);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Group>();
    }

    private static void EmitNode(ILGenerator il, int node, TreeEnsemble.Node[] nodes, float[] leaves,
        LocalBuilder sum, Label done)
    {
        if (node < 0)
        {
            il.Emit(OpCodes.Ldloc, sum);
            il.Emit(OpCodes.Ldc_R4, leaves[~node]);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc, sum);
            il.Emit(OpCodes.Br, done);
            return;
        }
        var (feature, threshold, left, right) = nodes[node];
        var goRight = il.DefineLabel();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, feature * sizeof(float));
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldind_R4);
        il.Emit(OpCodes.Ldc_R4, threshold);
        // Not (x <= threshold): greater or unordered, so a NaN goes right as in the walk.
        il.Emit(OpCodes.Bgt_Un, goRight);
        EmitNode(il, left, nodes, leaves, sum, done);
        il.MarkLabel(goRight);
        EmitNode(il, right, nodes, leaves, sum, done);
    }
}
