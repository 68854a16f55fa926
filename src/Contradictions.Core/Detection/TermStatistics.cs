namespace Contradictions.Core.Detection;

/// <summary>
/// Document frequencies of subject features (stems and prefixed entity/number keys) over the claims seen so far;
/// one claim is one document. Grows incrementally with <see cref="AddDocument"/>; not thread-safe while growing.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scratch = new(StringComparer.Ordinal);

    /// <summary>Number of documents (claims) counted.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Number of distinct features seen.</summary>
    public int FeatureCount => _frequencies.Count;

    /// <summary>Counts one document; a feature repeated within it counts once.</summary>
    public void AddDocument(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        _scratch.Clear();
        foreach (var f in features)
        {
            if (!_scratch.Add(f)) continue;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_frequencies, f, out _)++;
        }
        DocumentCount++;
    }

    /// <summary>
    /// Counts many documents as <see cref="AddDocument"/> would one by one, on up to <paramref name="parallelism"/>
    /// threads: each counts a range of the documents, and the counts are added up (frequencies are sums, so the
    /// order does not matter). A scan counts the features of every claim here, and one thread doing it was the
    /// longest serial step of building the subject index.
    /// </summary>
    public void AddDocuments(IReadOnlyList<IReadOnlyList<string>> documents, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        int parts = Ranges.Count(documents.Count, parallelism);
        if (parts == 1)
        {
            foreach (var d in documents) AddDocument(d);
            return;
        }
        var counts = new Dictionary<string, int>[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
        {
            var part = new TermStatistics();
            var (start, end) = Ranges.Of(documents.Count, p, parts);
            for (int i = start; i < end; i++) part.AddDocument(documents[i]);
            counts[p] = part._frequencies;
        });
        foreach (var part in counts)
        {
            foreach (var (feature, count) in part)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_frequencies, feature, out _) += count;
            }
        }
        DocumentCount += documents.Count;
    }

    public int DocumentFrequency(string feature) => _frequencies.GetValueOrDefault(feature);

    /// <summary>Smoothed IDF, <c>ln((1 + N) / (1 + df)) + 1</c>: always ≥ 1, and an unseen feature is as rare as can be.</summary>
    public float InverseDocumentFrequency(string feature) =>
        MathF.Log((1f + DocumentCount) / (1f + DocumentFrequency(feature))) + 1f;
}
