using System.Runtime.Intrinsics;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>
/// Copy and syndication detection: MinHash signatures over word shingles of claim sentences, LSH banding for
/// candidate pairs (near-linear), exact shingle Jaccard to confirm, then seed-and-extend along the two articles
/// so a lightly edited sentence inside a copied paragraph joins too. Claims of one cluster share an origin id,
/// <c>"o:&lt;smallest claim id&gt;"</c>; a unique sentence is its own origin. Deterministic (fixed hash seeds).
/// </summary>
public sealed class OriginClusterer
{
    private readonly ulong[] _seeds;

    public OriginClusterer(OriginOptions? options = null)
    {
        Options = options ?? new OriginOptions();
        if (Options.ShingleSize < 1 || Options.Bands < 1 || Options.RowsPerBand < 1 || Options.MaxBucketSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Shingle size, bands, rows and bucket size must be ≥ 1.");
        }
        _seeds = new ulong[Options.Bands * Options.RowsPerBand];
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < _seeds.Length; i++) _seeds[i] = SplitMix(ref state);
    }

    public OriginOptions Options { get; }

    public static string OriginIdOf(long claimId) => "o:" + claimId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="origin"/> is the claim's own (<see cref="OriginIdOf"/>): it is a copy of nothing else.</summary>
    public static bool IsOwnOrigin(long claimId, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Span<char> own = stackalloc char[2 + 20];
        "o:".CopyTo(own);
        claimId.TryFormat(own[2..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return origin.AsSpan().SequenceEqual(own[..(2 + written)]);
    }

    /// <summary>Origin id per claim id of <paramref name="items"/>.</summary>
    public IReadOnlyDictionary<long, string> Assign(IEnumerable<OriginItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<OriginItem>();
        var seen = new HashSet<long>();
        foreach (var item in items)
        {
            if (!seen.Add(item.ClaimId)) throw new ArgumentException($"Claim {item.ClaimId} appears twice.", nameof(items));
            if (item.Sketch is { } sketch && sketch.BandHashes.Length != Options.Bands)
            {
                throw new ArgumentException($"Claim {item.ClaimId}: its sketch was made with other options ({sketch.BandHashes.Length} bands, not {Options.Bands}).", nameof(items));
            }
            list.Add(item);
        }

        int n = list.Count;
        var shingles = new ulong[n][];
        var bandHashes = new ulong[(long)n * Options.Bands];
        // Shingles and MinHash band keys are per claim: computed on all cores (or ahead, by Sketch). The copies found
        // below are the same whatever the threads, so the clusters do not depend on thread timing.
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Parallelism) }, i =>
        {
            var sketch = list[i].Sketch ?? Sketch(list[i].Text);
            shingles[i] = sketch.Shingles;
            sketch.BandHashes.CopyTo(bandHashes, (long)i * Options.Bands);
        });

        // Reading-order neighbours within each article.
        var prev = new int[n];
        var next = new int[n];
        var lastOfArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            next[i] = -1;
            int p = lastOfArticle.TryGetValue(list[i].ArticleKey, out int last) ? last : -1;
            prev[i] = p;
            if (p >= 0) next[p] = i;
            lastOfArticle[list[i].ArticleKey] = i;
        }

        var parent = DisjointSets.Create(n);
        var extend = new Queue<(int A, int B)>();
        var extended = new HashSet<(int, int)>();
        foreach (var (j, i) in Copies(shingles, bandHashes))
        {
            DisjointSets.Union(parent, i, j);
            extend.Enqueue((j, i));
        }

        // Seed and extend: walk both articles from each confirmed copy while the neighbours still overlap.
        while (extend.TryDequeue(out var pair))
        {
            if (!extended.Add(pair)) continue;
            TryExtend(prev[pair.A], prev[pair.B]);
            TryExtend(next[pair.A], next[pair.B]);
        }

        void TryExtend(int a, int b)
        {
            if (a < 0 || b < 0 || a == b || shingles[a].Length == 0 || shingles[b].Length == 0) return;
            if (extended.Contains((a, b))) return;
            if (Jaccard(shingles[a], shingles[b]) < Options.NeighbourThreshold) return;
            DisjointSets.Union(parent, a, b);
            extend.Enqueue((a, b));
        }

        var smallest = new Dictionary<int, long>();
        for (int i = 0; i < n; i++)
        {
            int root = DisjointSets.Find(parent, i);
            long id = list[i].ClaimId;
            if (!smallest.TryGetValue(root, out long s) || id < s) smallest[root] = id;
        }
        var result = new Dictionary<long, string>(n);
        for (int i = 0; i < n; i++) result[list[i].ClaimId] = OriginIdOf(smallest[DisjointSets.Find(parent, i)]);
        return result;
    }

    /// <summary>
    /// What <see cref="Assign"/> needs of one text (its shingles and MinHash band keys), to compute ahead, e.g. while
    /// the claims are still being stored, and hand in with <see cref="OriginItem.Sketch"/>.
    /// </summary>
    public OriginSketch Sketch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Every claim is sketched through here: one scratch per thread, not one (a kilobyte of signature) per claim.
        var scratch = threadScratch is { } reused && reused.Signature.Length == _seeds.Length ? reused : threadScratch = new SketchScratch(_seeds.Length);
        TokenHashes(text, scratch.Tokens);
        var bands = new ulong[Options.Bands];
        var shingles = scratch.Tokens.Count < Options.MinWords ? [] : Shingles(scratch.Tokens, Options.ShingleSize);
        if (shingles.Length == 0) return new OriginSketch([], bands);
        MinHash(shingles, _seeds, scratch.Signature, Vector256.IsHardwareAccelerated);
        for (int band = 0; band < Options.Bands; band++) bands[band] = BandHash(scratch.Signature, band);
        return new OriginSketch(shingles, bands);
    }

    [ThreadStatic] private static SketchScratch? threadScratch;

    private sealed class SketchScratch(int hashes)
    {
        public readonly List<ulong> Tokens = [];
        public readonly ulong[] Signature = new ulong[hashes];
    }

    /// <summary>
    /// Pairs (j, i), j &lt; i, of claims that share a band of their MinHash signatures and whose shingles overlap at
    /// least <see cref="OriginOptions.Threshold"/>, in ascending (i, j) order. A band's bucket holds the first
    /// <see cref="OriginOptions.MaxBucketSize"/> claims (in claim order) with that band key, and every later claim with
    /// the key is compared with those. Each band is bucketed by sorting its keys (on all cores, one band per thread),
    /// not in a table of every claim's every band (~20 MB for the FNC-1 bodies); the pairs are compared once each,
    /// on all cores too. The pairs are the same whatever the threads, and the clusters depend only on them.
    /// </summary>
    private List<(int J, int I)> Copies(ulong[][] shingles, ulong[] bandHashes)
    {
        int n = shingles.Length, bands = Options.Bands, max = Options.MaxBucketSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Parallelism) };
        var members = new List<int>(n);
        for (int i = 0; i < n; i++) if (shingles[i].Length > 0) members.Add(i);
        var perBand = new List<(int J, int I)>[bands];
        Parallel.For(0, bands, parallel, band =>
        {
            var keys = new ulong[members.Count];
            var claims = new int[members.Count];
            for (int m = 0; m < keys.Length; m++)
            {
                claims[m] = members[m];
                keys[m] = bandHashes[(long)members[m] * bands + band];
            }
            Array.Sort(keys, claims);
            var found = new List<(int, int)>();
            for (int start = 0, end; start < keys.Length; start = end)
            {
                for (end = start + 1; end < keys.Length && keys[end] == keys[start]; end++) { }
                if (end - start < 2) continue;
                // A bucket's claims in claim order: the first `max` are its members.
                Array.Sort(claims, start, end - start);
                for (int t = start + 1; t < end; t++)
                {
                    for (int u = start; u < t && u < start + max; u++) found.Add((claims[u], claims[t]));
                }
            }
            perBand[band] = found;
        });
        var candidates = new List<(int J, int I)>();
        foreach (var found in perBand) candidates.AddRange(found);
        candidates.Sort(static (x, y) => x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J));
        int distinct = 0;
        for (int c = 0; c < candidates.Count; c++)
        {
            if (distinct == 0 || candidates[c] != candidates[distinct - 1]) candidates[distinct++] = candidates[c];
        }
        candidates.RemoveRange(distinct, candidates.Count - distinct);
        var copies = new bool[distinct];
        Parallel.For(0, distinct, parallel, c => copies[c] = Jaccard(shingles[candidates[c].I], shingles[candidates[c].J]) >= Options.Threshold);
        var result = new List<(int J, int I)>();
        for (int c = 0; c < distinct; c++) if (copies[c]) result.Add(candidates[c]);
        return result;
    }

    /// <summary>Exact Jaccard similarity of two texts' word shingles (0 when either has no shingle).</summary>
    public static double Jaccard(string a, string b, int shingleSize = 5)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var tokens = new List<ulong>();
        TokenHashes(a, tokens);
        var shinglesA = Shingles(tokens, shingleSize);
        TokenHashes(b, tokens);
        return Jaccard(shinglesA, Shingles(tokens, shingleSize));
    }

    // Hashed as read: the tokens themselves are never needed, and a string per token was most of a sketch's garbage.
    private static void TokenHashes(string text, List<ulong> hashes)
    {
        hashes.Clear();
        foreach (var token in Tokenizer.Enumerate(text, stackalloc char[64])) hashes.Add(HashToken(token));
    }

    /// <summary>Sorted distinct shingle hashes; a text shorter than one shingle is one shingle of all its words.</summary>
    private static ulong[] Shingles(List<ulong> hashes, int size)
    {
        if (hashes.Count == 0) return [];
        int count = Math.Max(1, hashes.Count - size + 1);
        var result = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ulong h = 0x84222325CBF29CE4UL;
            for (int j = i; j < Math.Min(i + size, hashes.Count); j++) h = Mix(h ^ hashes[j]);
            result[i] = h;
        }
        Array.Sort(result);
        int distinct = 0;
        for (int i = 0; i < result.Length; i++)
        {
            if (i == 0 || result[i] != result[distinct - 1]) result[distinct++] = result[i];
        }
        return distinct == result.Length ? result : result[..distinct];
    }

    private static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }

    private ulong BandHash(ulong[] signature, int band)
    {
        ulong h = 0xCBF29CE484222325UL;
        for (int r = 0; r < Options.RowsPerBand; r++) h = Mix(h ^ signature[band * Options.RowsPerBand + r]);
        return h;
    }

    /// <summary>
    /// Each seed's smallest mixed shingle. With vectors, four seeds at a time: the same integer arithmetic, so the
    /// same signature, in a quarter of the instructions (scalar, this loop was a fifth of preparing a claim).
    /// </summary>
    internal static void MinHash(ReadOnlySpan<ulong> shingles, ReadOnlySpan<ulong> seeds, Span<ulong> signature, bool vectorized)
    {
        int h = 0;
        if (vectorized)
        {
            for (; h + Vector256<ulong>.Count <= seeds.Length; h += Vector256<ulong>.Count)
            {
                var seed = Vector256.Create(seeds.Slice(h, Vector256<ulong>.Count));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (ulong s in shingles) min = Vector256.Min(min, Mix(Vector256.Create(s) ^ seed));
                min.CopyTo(signature[h..]);
            }
        }
        for (; h < seeds.Length; h++)
        {
            ulong seed = seeds[h], min = ulong.MaxValue;
            foreach (ulong s in shingles)
            {
                ulong v = Mix(s ^ seed);
                if (v < min) min = v;
            }
            signature[h] = min;
        }
    }

    // SplitMix64's finaliser, scalar and four lanes at a time.
    private const ulong MixFirst = 0xBF58476D1CE4E5B9UL, MixSecond = 0x94D049BB133111EBUL;

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector256.Create(MixFirst);
        z = (z ^ (z >>> 27)) * Vector256.Create(MixSecond);
        return z ^ (z >>> 31);
    }

    private static ulong HashToken(ReadOnlySpan<char> token) => Mix(StableHash.Of(token));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * MixFirst;
        z = (z ^ (z >> 27)) * MixSecond;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
