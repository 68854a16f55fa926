namespace Contradictions.Core.Text;

/// <summary>64-bit FNV-1a of a word: stable across processes and runs, unlike <see cref="string.GetHashCode()"/>.</summary>
public static class StableHash
{
    public static ulong Of(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Of(s.AsSpan());
    }

    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
