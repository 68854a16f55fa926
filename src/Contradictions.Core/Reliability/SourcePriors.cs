namespace Contradictions.Core.Reliability;

/// <summary>
/// Outside ratings of outlets turned into Beta priors. Parsing the file is I/O and lives outside Core;
/// this type only maps domains to labels to priors.
/// </summary>
/// <remarks>
/// Label → prior (mean, worth α + β observations): each is worth eight observations so that a handful of
/// contradicting claims can move it, but a single claim cannot:
/// <list type="bullet">
/// <item>Reliable (1) → Beta(6, 2), mean 0.75.</item>
/// <item>Mixed (0) → Beta(4, 4), mean 0.50.</item>
/// <item>Unreliable (−1) → Beta(2, 6), mean 0.25.</item>
/// <item>Blacklisted (−2) → Beta(1, 7), mean 0.125.</item>
/// </list>
/// </remarks>
public sealed class SourcePriors
{
    private readonly Dictionary<string, SourcePriorLabel> _labels;

    public SourcePriors(IEnumerable<KeyValuePair<string, SourcePriorLabel>> labels)
    {
        _labels = new Dictionary<string, SourcePriorLabel>(StringComparer.Ordinal);
        foreach (var (domain, label) in labels)
        {
            // Later rows win, as in the file; keys are normalised like outlet names.
            _labels[SourceRef.Normalise(domain, SourceKind.Outlet)] = label;
        }
    }

    public static SourcePriors Empty { get; } = new([]);

    public int Count => _labels.Count;

    public static BetaDistribution PriorFor(SourcePriorLabel label) => label switch
    {
        SourcePriorLabel.Reliable => new BetaDistribution(6, 2),
        SourcePriorLabel.Mixed => new BetaDistribution(4, 4),
        SourcePriorLabel.Unreliable => new BetaDistribution(2, 6),
        SourcePriorLabel.Blacklisted => new BetaDistribution(1, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown source-prior label."),
    };

    /// <summary>The label of an outlet; "edition.cnn.com" falls back to "cnn.com" when only the parent domain is rated.</summary>
    public bool TryGetLabel(SourceRef source, out SourcePriorLabel label)
    {
        label = default;
        if (source.Kind != SourceKind.Outlet) return false;
        var key = source.Key;
        while (true)
        {
            if (_labels.TryGetValue(key, out label)) return true;
            var dot = key.IndexOf('.');
            // Stop before a bare suffix such as "co.uk" or "com".
            if (dot < 0 || key.IndexOf('.', dot + 1) < 0) return false;
            key = key[(dot + 1)..];
        }
    }

    public bool TryGetPrior(SourceRef source, out BetaDistribution prior)
    {
        if (TryGetLabel(source, out var label))
        {
            prior = PriorFor(label);
            return true;
        }

        prior = default;
        return false;
    }

    /// <summary>Priors for those of <paramref name="sources"/> that are rated, ready for <see cref="EvidenceGraph"/>.</summary>
    public IReadOnlyDictionary<SourceRef, BetaDistribution> For(IEnumerable<SourceRef> sources)
    {
        var result = new Dictionary<SourceRef, BetaDistribution>();
        foreach (var source in sources)
        {
            if (TryGetPrior(source, out var prior)) result[source] = prior;
        }

        return result;
    }
}
