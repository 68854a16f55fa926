namespace Contradictions.Core.Detection;

/// <summary>
/// Union-find over 0..n-1 with path halving. The root of a set is always its smallest member, so callers can
/// name a cluster by its first item without a second pass.
/// </summary>
internal static class DisjointSets
{
    public static int[] Create(int n)
    {
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        return parent;
    }

    public static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    public static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
