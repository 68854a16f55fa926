using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Contradictions.Core.Detection;

/// <summary>
/// Inverted index from subject features (stems, <c>e:</c> entity keys, <c>n:</c> numbers) to postings
/// (claim, weight). <see cref="Query(ClaimSubject, int)"/> returns the top-k other claims by weighted overlap,
/// never the claim itself nor a claim of the same article unless both have (different) speakers.
/// Features whose postings exceed <see cref="CandidateIndexOptions.MaxPostings"/> are skipped, so each query
/// does bounded work and a batch over n claims costs O(n). Adding is not thread-safe; concurrent queries
/// on an index that is not being added to are.
/// </summary>
public sealed class CandidateIndex
{
    private readonly Dictionary<string, int> _featureIds = new(StringComparer.Ordinal);
    private readonly List<string> _featureNames = [];
    private PostingList[] _postings = new PostingList[1024];

    private readonly Dictionary<long, int> _denseOf = [];
    private readonly Dictionary<string, int> _articleIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _speakerIds = new(StringComparer.Ordinal);
    private long[] _claimIds = new long[1024];
    private Owner[] _owners = new Owner[1024];
    private int[] _featureStart = new int[1025];
    private int[] _claimFeatures = new int[8192];
    private float[] _claimWeights = new float[8192];
    private int _count;

    private readonly ConcurrentBag<Scratch> _scratchPool = [];

    public CandidateIndex(CandidateIndexOptions? options = null)
    {
        Options = options ?? new CandidateIndexOptions();
        if (Options.MaxPostings < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxPostings must be ≥ 1.");
        if (Options.MaxQueryTerms < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxQueryTerms must be ≥ 1.");
    }

    public CandidateIndexOptions Options { get; }

    /// <summary>Claims added.</summary>
    public int Count => _count;

    /// <summary>Distinct features seen.</summary>
    public int FeatureCount => _featureNames.Count;

    public bool Contains(long claimId) => _denseOf.ContainsKey(claimId);

    /// <summary>Number of claims carrying <paramref name="feature"/> (counted even once its postings are capped).</summary>
    public int DocumentFrequency(string feature) =>
        _featureIds.TryGetValue(feature, out int f) ? _postings[f].Count : 0;

    public void Add(ClaimSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ThrowIfPresent(subject.ClaimId);
        var terms = subject.Terms;
        Span<int> features = terms.Count <= 64 ? stackalloc int[terms.Count] : new int[terms.Count];
        for (int i = 0; i < terms.Count; i++) features[i] = FeatureId(terms[i].Term);
        Add(subject, features);
    }

    private void ThrowIfPresent(long claimId)
    {
        if (_denseOf.ContainsKey(claimId)) throw new ArgumentException($"Claim {claimId} is already in the index.", "subject");
    }

    /// <summary>Adds <paramref name="subject"/> whose terms have the feature ids <paramref name="features"/>, in order.</summary>
    private void Add(ClaimSubject subject, ReadOnlySpan<int> features)
    {
        int dense = _count;
        if (dense == _claimIds.Length)
        {
            int size = dense * 2;
            Array.Resize(ref _claimIds, size);
            Array.Resize(ref _owners, size);
            Array.Resize(ref _featureStart, size + 1);
        }
        _denseOf.Add(subject.ClaimId, dense);
        _claimIds[dense] = subject.ClaimId;
        _owners[dense] = new Owner
        {
            Article = Intern(_articleIds, subject.ArticleKey),
            Speaker = subject.SpeakerKey is null ? -1 : Intern(_speakerIds, subject.SpeakerKey),
        };

        int start = _featureStart[dense];
        var terms = subject.Terms;
        int needed = start + terms.Count;
        if (needed > _claimFeatures.Length)
        {
            int size = Math.Max(needed, _claimFeatures.Length * 2);
            Array.Resize(ref _claimFeatures, size);
            Array.Resize(ref _claimWeights, size);
        }
        int n = start;
        for (int i = 0; i < terms.Count; i++)
        {
            int f = features[i];
            bool repeated = false;
            for (int j = start; j < n; j++)
            {
                if (_claimFeatures[j] == f) { repeated = true; break; }
            }
            if (repeated) continue;
            _claimFeatures[n] = f;
            _claimWeights[n] = terms[i].Weight;
            n++;
            _postings[f].Add(dense, terms[i].Weight, Options.MaxPostings);
        }
        _featureStart[dense + 1] = n;
        _count++;
    }

    /// <summary>Adds a batch; when its size is known the claim arrays are sized once, not grown by doubling.</summary>
    public void AddRange(IEnumerable<ClaimSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects is IReadOnlyCollection<ClaimSubject> batch) EnsureCapacity(_count + batch.Count);
        foreach (var s in subjects) Add(s);
    }

    /// <summary>
    /// Adds a batch as <see cref="AddRange(IEnumerable{ClaimSubject})"/> does, looking its terms up on up to
    /// <paramref name="parallelism"/> threads: each thread names the distinct terms of a range of the subjects, and
    /// only those distinct terms are then looked up in the index, range by range in order, so every feature gets the
    /// id it would get one subject at a time. A term look-up per term of every subject was most of adding a scan's
    /// claims, on one thread.
    /// </summary>
    public void AddRange(IReadOnlyList<ClaimSubject> subjects, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        int parts = Ranges.Count(subjects.Count, parallelism);
        if (parts == 1)
        {
            AddRange(subjects);
            return;
        }
        // Checked before any term is named, so that a refused batch leaves the index as it was.
        var claimIds = new HashSet<long>(subjects.Count);
        foreach (var subject in subjects)
        {
            ArgumentNullException.ThrowIfNull(subject, nameof(subjects));
            ThrowIfPresent(subject.ClaimId);
            if (!claimIds.Add(subject.ClaimId)) throw new ArgumentException($"Claim {subject.ClaimId} appears twice in the batch.", nameof(subjects));
        }
        EnsureCapacity(_count + subjects.Count);
        var ranges = new (int Start, int End, List<string> Names, int[] Terms)[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
        {
            var (start, end) = Ranges.Of(subjects.Count, p, parts);
            int total = 0;
            for (int s = start; s < end; s++) total += subjects[s].Terms.Count;
            var local = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new List<string>();
            var terms = new int[total];
            int k = 0;
            for (int s = start; s < end; s++)
            {
                foreach (var term in subjects[s].Terms)
                {
                    ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(local, term.Term, out bool exists);
                    if (!exists)
                    {
                        id = names.Count;
                        names.Add(term.Term);
                    }
                    terms[k++] = id;
                }
            }
            ranges[p] = (start, end, names, terms);
        });
        Span<int> features = stackalloc int[64];
        foreach (var (start, end, names, terms) in ranges)
        {
            var global = new int[names.Count];
            for (int l = 0; l < names.Count; l++) global[l] = FeatureId(names[l]);
            int k = 0;
            for (int s = start; s < end; s++)
            {
                int count = subjects[s].Terms.Count;
                var ids = count <= features.Length ? features[..count] : new int[count];
                for (int t = 0; t < count; t++) ids[t] = global[terms[k++]];
                Add(subjects[s], ids);
            }
        }
    }

    private void EnsureCapacity(int claims)
    {
        _denseOf.EnsureCapacity(claims);
        if (claims <= _claimIds.Length) return;
        Array.Resize(ref _claimIds, claims);
        Array.Resize(ref _owners, claims);
        Array.Resize(ref _featureStart, claims + 1);
        long features = (long)_featureStart[_count] + (long)(claims - _count) * 16;
        if (features > _claimFeatures.Length && features < int.MaxValue)
        {
            Array.Resize(ref _claimFeatures, (int)features);
            Array.Resize(ref _claimWeights, (int)features);
        }
    }

    /// <summary>The top-<paramref name="k"/> candidates of <paramref name="subject"/> (which need not be in the index).</summary>
    public IReadOnlyList<Candidate> Query(ClaimSubject subject, int k) => QueryWithDiagnostics(subject, k).Candidates;

    /// <summary>As <see cref="Query(ClaimSubject, int)"/>, with counters of the work done (for tests and tuning).</summary>
    public CandidateQueryResult QueryWithDiagnostics(ClaimSubject subject, int k)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentOutOfRangeException.ThrowIfNegative(k);

        int termCount = Math.Min(subject.Terms.Count, Options.MaxQueryTerms);
        var features = new int[termCount];
        var weights = new float[termCount];
        int m = 0;
        for (int i = 0; i < termCount; i++)
        {
            if (!_featureIds.TryGetValue(subject.Terms[i].Term, out int f)) continue;
            features[m] = f;
            weights[m] = subject.Terms[i].Weight;
            m++;
        }

        int self = _denseOf.TryGetValue(subject.ClaimId, out int d) ? d : -1;
        int article = _articleIds.TryGetValue(subject.ArticleKey, out int a) ? a : -2;
        int speaker = subject.SpeakerKey is not null && _speakerIds.TryGetValue(subject.SpeakerKey, out int s) ? s
            : subject.SpeakerKey is null ? -1 : -2;

        var scratch = Rent();
        try
        {
            var stats = Search(scratch, features.AsSpan(0, m), weights.AsSpan(0, m), self, article, speaker, k);
            var result = new Candidate[scratch.HeapCount];
            for (int i = 0; i < result.Length; i++)
            {
                ref readonly var h = ref scratch.Heap[i];
                result[i] = new Candidate(_claimIds[h.Dense], h.Score, h.Entities, h.Terms);
            }
            Array.Sort(result, static (x, y) =>
            {
                int c = y.Score.CompareTo(x.Score);
                return c != 0 ? c : x.ClaimId.CompareTo(y.ClaimId);
            });
            return new CandidateQueryResult(result, stats.Used, stats.Skipped, stats.Postings, stats.Touched);
        }
        finally
        {
            _scratchPool.Add(scratch);
        }
    }

    /// <summary>
    /// Every unordered candidate pair (A &lt; B by claim id) among the indexed claims, each once: a pair appears when
    /// either claim has the other in its top-<paramref name="k"/>. Runs one bounded query per claim, so O(n · k); the
    /// queries run on up to <paramref name="parallelism"/> threads, and the pairs come out in the same order whatever
    /// the number (each query writes only its own claim's slots).
    /// </summary>
    public IEnumerable<(long A, long B, float Score)> AllCandidatePairs(int k, int parallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        return k == 0 || _count == 0 ? [] : EnumeratePairs(k, parallelism);
    }

    /// <summary>
    /// The pairs of <see cref="AllCandidatePairs"/>, in the same order, as positions in the index (<see cref="ClaimIdAt"/>)
    /// in either order: a caller that keeps per-claim data in arrays by position reads them without looking ids up.
    /// </summary>
    public IEnumerable<(int A, int B)> AllCandidatePositions(int k, int parallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        return k == 0 || _count == 0 ? [] : EnumeratePositions(k, parallelism).Select(static p => (p.A, p.B));
    }

    /// <summary>The id of the claim at <paramref name="position"/> (0 to <see cref="Count"/> − 1, in the order added).</summary>
    public long ClaimIdAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _count);
        return _claimIds[position];
    }

    private IEnumerable<(long A, long B, float Score)> EnumeratePairs(int k, int parallelism)
    {
        foreach (var (i, other, score) in EnumeratePositions(k, parallelism))
        {
            long a = _claimIds[i], b = _claimIds[other];
            yield return a < b ? (a, b, score) : (b, a, score);
        }
    }

    private IEnumerable<(int A, int B, float Score)> EnumeratePositions(int k, int parallelism)
    {
        int n = _count;
        var top = new int[(long)n * k];
        var topScore = new float[(long)n * k];
        var topCount = new int[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, Rent, (i, _, scratch) =>
        {
            int start = _featureStart[i];
            int len = _featureStart[i + 1] - start;
            if (len > Options.MaxQueryTerms) len = Options.MaxQueryTerms;
            Search(scratch, _claimFeatures.AsSpan(start, len), _claimWeights.AsSpan(start, len), i, _owners[i].Article, _owners[i].Speaker, k);
            int c = scratch.HeapCount;
            for (int j = 0; j < c; j++)
            {
                top[(long)i * k + j] = scratch.Heap[j].Dense;
                topScore[(long)i * k + j] = scratch.Heap[j].Score;
            }
            topCount[i] = c;
            return scratch;
        }, _scratchPool.Add);

        for (int i = 0; i < n; i++)
        {
            long baseI = (long)i * k;
            for (int j = 0; j < topCount[i]; j++)
            {
                int other = top[baseI + j];
                if (other < i && Contains(top, topCount, k, other, i)) continue; // emitted from the other side
                yield return (i, other, topScore[baseI + j]);
            }
        }
    }

    private static bool Contains(int[] top, int[] topCount, int k, int owner, int target)
    {
        long b = (long)owner * k;
        for (int j = 0; j < topCount[owner]; j++)
        {
            if (top[b + j] == target) return true;
        }
        return false;
    }

    private (int Used, int Skipped, long Postings, int Touched) Search(
        Scratch scratch, ReadOnlySpan<int> features, ReadOnlySpan<float> weights, int self, int article, int speaker, int k)
    {
        // Rarest features first (most discriminative, cheapest); a feature over the per-list cap, or whose postings
        // no longer fit the per-query budget, is skipped. Work is bounded by MaxPostingsPerQuery whatever the index size.
        int cap = Options.MaxPostings;
        long budget = Options.MaxPostingsPerQuery;
        Span<int> order = features.Length <= 64 ? stackalloc int[features.Length] : new int[features.Length];
        Span<int> lengths = features.Length <= 64 ? stackalloc int[features.Length] : new int[features.Length];
        for (int t = 0; t < features.Length; t++)
        {
            order[t] = t;
            lengths[t] = _postings[features[t]].Count;
        }
        for (int i = 1; i < order.Length; i++)
        {
            int o = order[i], j = i - 1;
            while (j >= 0 && lengths[order[j]] > lengths[o]) { order[j + 1] = order[j]; j--; }
            order[j + 1] = o;
        }
        int used = 0, skipped = 0;
        long postings = 0;
        for (int i = 0; i < order.Length; i++)
        {
            int count = lengths[order[i]];
            if (count > cap || postings + count > budget) { skipped += order.Length - i; break; }
            used++;
            postings += count;
        }

        // Open-addressing accumulator sized to this query's postings (at most MaxQueryTerms × MaxPostings), not to
        // the index: it stays in cache whatever the number of claims.
        int mask = scratch.Prepare((int)Math.Min(postings, int.MaxValue / 8));
        var slots = scratch.Slots;
        var touched = scratch.Touched;
        int touchedCount = 0;
        for (int i = 0; i < used; i++)
        {
            int t = order[i];
            ref readonly var list = ref _postings[features[t]];
            float qw = weights[t];
            bool entity = list.IsEntity;
            var items = list.Items;
            int count = list.Count;
            ref var slot0 = ref MemoryMarshal.GetArrayDataReference(slots);
            ref int touched0 = ref MemoryMarshal.GetArrayDataReference(touched);
            foreach (var posting in items.AsSpan(0, count))
            {
                int doc = posting.Doc;
                int h = (int)(((uint)doc * 0x9E3779B1u) >> 7) & mask;
                ref var slot = ref Unsafe.Add(ref slot0, h);
                while (slot.Doc != doc && slot.Doc != -1)
                {
                    h = (h + 1) & mask;
                    slot = ref Unsafe.Add(ref slot0, h);
                }
                // Branch-free first touch: which postings open a slot is not predictable.
                bool opens = slot.Doc == -1;
                slot.Doc = doc;
                Unsafe.Add(ref touched0, touchedCount) = h;
                touchedCount += opens ? 1 : 0;
                slot.Score += qw * posting.Weight;
                if (entity) slot.Entities++;
                else slot.Terms++;
            }
        }

        scratch.HeapCount = 0;
        float minScore = Options.MinScore;
        // The full heap's root score, kept in a local: most entries fall below it and are settled by one compare.
        float floor = float.NegativeInfinity;
        for (int i = 0; i < touchedCount; i++)
        {
            ref var slot = ref slots[touched[i]];
            var entry = new HeapEntry(slot.Score, slot.Doc, slot.Entities, slot.Terms);
            slot = new Accumulator { Doc = -1 };
            if (entry.Score < floor || entry.Dense == self || k == 0 || entry.Score < minScore) continue;
            // Only an entry that would enter the heap pays for the random reads of the claim's article and speaker.
            if (scratch.HeapCount == k && !WorseThan(scratch.Heap[0], entry)) continue;
            ref readonly var owner = ref _owners[entry.Dense];
            if (owner.Article == article && !(speaker >= 0 && owner.Speaker >= 0 && owner.Speaker != speaker)) continue;
            Offer(scratch, entry, k);
            if (scratch.HeapCount == k) floor = scratch.Heap[0].Score;
        }
        return (used, skipped, postings, touchedCount);
    }

    /// <summary>True when <paramref name="a"/> ranks below <paramref name="b"/>: lower score, or equal score and larger claim id.</summary>
    private bool WorseThan(in HeapEntry a, in HeapEntry b) =>
        a.Score < b.Score || (a.Score == b.Score && _claimIds[a.Dense] > _claimIds[b.Dense]);

    /// <summary>Min-heap of the best k in <paramref name="scratch"/>: the root is the worst kept entry.</summary>
    private void Offer(Scratch scratch, in HeapEntry e, int k)
    {
        if (scratch.Heap.Length < k) Array.Resize(ref scratch.Heap, k);
        var heap = scratch.Heap;
        if (scratch.HeapCount < k)
        {
            int i = scratch.HeapCount++;
            heap[i] = e;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!WorseThan(heap[i], heap[parent])) break;
                (heap[i], heap[parent]) = (heap[parent], heap[i]);
                i = parent;
            }
            return;
        }
        if (!WorseThan(heap[0], e)) return;
        heap[0] = e;
        int j = 0;
        int n = scratch.HeapCount;
        while (true)
        {
            int l = 2 * j + 1, r = l + 1, worst = j;
            if (l < n && WorseThan(heap[l], heap[worst])) worst = l;
            if (r < n && WorseThan(heap[r], heap[worst])) worst = r;
            if (worst == j) break;
            (heap[j], heap[worst]) = (heap[worst], heap[j]);
            j = worst;
        }
    }

    private Scratch Rent() => _scratchPool.TryTake(out var s) ? s : new Scratch();

    private int FeatureId(string feature)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_featureIds, feature, out bool exists);
        if (!exists)
        {
            id = _featureNames.Count;
            _featureNames.Add(feature);
            if (id == _postings.Length) Array.Resize(ref _postings, id * 2);
            _postings[id].IsEntity = feature.StartsWith(SubjectBuilder.EntityPrefix, StringComparison.Ordinal);
        }
        return id;
    }

    private static int Intern(Dictionary<string, int> ids, string key)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out bool exists);
        if (!exists) id = ids.Count - 1;
        return id;
    }

    private struct Posting
    {
        public int Doc;
        public float Weight;
    }

    /// <summary>Postings of one feature; once longer than the cap its items are dropped and only the count grows.</summary>
    private struct PostingList
    {
        public Posting[] Items;
        public int Count;
        public bool IsEntity;

        public void Add(int doc, float weight, int cap)
        {
            int c = Count++;
            if (c >= cap)
            {
                Items = [];
                return;
            }
            if (Items is null || c == Items.Length)
            {
                Array.Resize(ref Items, Items is null || Items.Length == 0 ? 4 : Math.Min(Items.Length * 2, cap));
            }
            Items[c] = new Posting { Doc = doc, Weight = weight };
        }
    }

    private struct Accumulator
    {
        public int Doc;
        public float Score;
        public ushort Entities;
        public ushort Terms;
    }

    private struct Owner
    {
        public int Article;
        public int Speaker;
    }

    private readonly record struct HeapEntry(float Score, int Dense, int Entities, int Terms);

    /// <summary>Per-query state, pooled: a hash table of accumulators (empty slots have Doc = -1) and the top-k heap.</summary>
    private sealed class Scratch
    {
        public Accumulator[] Slots = [];
        public int[] Touched = [];
        public HeapEntry[] Heap = new HeapEntry[16];
        public int HeapCount;

        /// <summary>
        /// Makes room for <paramref name="postings"/> distinct claims at load ≤ 1/4; returns the probe mask. At load 1/2
        /// the probes that collide (a branch no predictor learns) made candidate search a tenth to a fifth slower; the
        /// default budget's 4,096 slots are 48 KB.
        /// </summary>
        public int Prepare(int postings)
        {
            int size = 64;
            while (size < 4 * postings) size <<= 1;
            if (Slots.Length < size)
            {
                Slots = new Accumulator[size];
                Array.Fill(Slots, new Accumulator { Doc = -1 });
                Touched = new int[size];
            }
            return size - 1;
        }
    }
}
