using System.Runtime.InteropServices;

namespace Contradictions.Core.Text;

/// <summary>
/// Sets of 64-bit keys (hashed stems, n-grams, word prefixes) as ascending arrays without repeats: what the pair and
/// stance features merge, a few cache lines where hash sets of strings would be read again for every pair.
/// </summary>
public static class KeySet
{
    /// <summary>The distinct values, ascending; sorts <paramref name="values"/> in place.</summary>
    public static ulong[] Of(List<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return [];
        var span = CollectionsMarshal.AsSpan(values);
        return span[..SortDistinct(span)].ToArray();
    }

    /// <summary>Sorts <paramref name="values"/> and moves the distinct ones, ascending, to its front; returns how many.</summary>
    public static int SortDistinct(Span<ulong> values)
    {
        if (values.IsEmpty) return 0;
        values.Sort();
        int n = 1;
        for (int i = 1; i < values.Length; i++) if (values[i] != values[n - 1]) values[n++] = values[i];
        return n;
    }

    /// <summary>The distinct values of an ascending array: the array itself when it has no repeats.</summary>
    public static ulong[] OfAscending(ulong[] ascending)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        int n = ascending.Length == 0 ? 0 : 1;
        for (int i = 1; i < ascending.Length; i++) if (ascending[i] != ascending[i - 1]) n++;
        if (n == ascending.Length) return ascending;
        var result = new ulong[n];
        int k = 0;
        for (int i = 0; i < ascending.Length; i++) if (i == 0 || ascending[i] != ascending[i - 1]) result[k++] = ascending[i];
        return result;
    }

    /// <summary>
    /// How many of <paramref name="values"/> (ascending, repeats counted) <paramref name="set"/> (ascending, distinct)
    /// holds: one merge. Each step moves one side on a comparison of two random keys, so the steps are counted
    /// without branching; a branch there is mispredicted about every other key.
    /// </summary>
    public static int CountIn(ReadOnlySpan<ulong> values, ReadOnlySpan<ulong> set)
    {
        int i = 0, j = 0, found = 0;
        while (i < values.Length && j < set.Length)
        {
            ulong v = values[i], s = set[j];
            found += v == s ? 1 : 0;
            i += v <= s ? 1 : 0;
            j += v > s ? 1 : 0;
        }
        return found;
    }
}
