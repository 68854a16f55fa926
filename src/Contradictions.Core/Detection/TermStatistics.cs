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
            _frequencies[f] = _frequencies.GetValueOrDefault(f) + 1;
        }
        DocumentCount++;
    }

    public int DocumentFrequency(string feature) => _frequencies.GetValueOrDefault(feature);

    /// <summary>Smoothed IDF, <c>ln((1 + N) / (1 + df)) + 1</c>: always ≥ 1, and an unseen feature is as rare as can be.</summary>
    public float InverseDocumentFrequency(string feature) =>
        MathF.Log((1f + DocumentCount) / (1f + DocumentFrequency(feature))) + 1f;
}
