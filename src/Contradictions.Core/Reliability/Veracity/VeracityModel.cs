namespace Contradictions.Core.Reliability.Veracity;

/// <summary>Source reliabilities learned from labelled claims, plus the tuned decision band; predicts unseen claims.</summary>
public sealed class VeracityModel
{
    private readonly Dictionary<SourceRef, BetaDistribution> _posteriors;
    private readonly SourcePriors _priors;
    private readonly VeracityOptions _options;

    internal VeracityModel(
        ReliabilityResult reliability, SourcePriors priors, VeracityOptions options, double claimPrior, double falseBelow, double trueAbove)
    {
        Reliability = reliability;
        _priors = priors;
        _options = options;
        ClaimPrior = claimPrior;
        FalseBelow = falseBelow;
        TrueAbove = trueAbove;
        _posteriors = reliability.Sources.ToDictionary(s => s.Source, s => s.Posterior);
    }

    /// <summary>The learned reliability of every training source, with intervals and evidence.</summary>
    public ReliabilityResult Reliability { get; }

    /// <summary>Share of true among the labelled (true/false) training claims.</summary>
    public double ClaimPrior { get; }

    /// <summary>P(true) at or below this predicts false.</summary>
    public double FalseBelow { get; }

    /// <summary>P(true) at or above this predicts true; between the two, unknown.</summary>
    public double TrueAbove { get; }

    /// <summary>Predicts every claim in <paramref name="articles"/>, in order of first appearance.</summary>
    public IReadOnlyList<VeracityPrediction> Predict(IReadOnlyList<EmergentArticle> articles) =>
        [.. VeracityPredictor.GroupByClaim(articles).Select(g => Predict(g.Key, g.Value))];

    public VeracityPrediction Predict(string claimId, IReadOnlyCollection<EmergentArticle> articles) =>
        Decide(claimId, ProbabilityTrue(articles, PosteriorOf), FalseBelow, TrueAbove);

    internal BetaDistribution PosteriorOf(SourceRef source) =>
        _posteriors.TryGetValue(source, out var posterior) ? posterior
        : _priors.TryGetPrior(source, out var prior) ? prior
        : _options.Reliability.DefaultPrior;

    /// <summary>σ(logit prior + Σ over sources of net vote × E[logit r]): one source, one vote per claim.</summary>
    internal double ProbabilityTrue(IEnumerable<EmergentArticle> articles, Func<SourceRef, BetaDistribution> posteriorOf)
    {
        var score = TruthDiscovery.Logit(ClaimPrior);
        foreach (var (source, vote) in VeracityPredictor.NetVotes(articles))
            score += vote * (_options.WeightBySource ? posteriorOf(source).ExpectedLogOdds : 1.0);
        return TruthDiscovery.Sigmoid(score);
    }

    internal static VeracityPrediction Decide(string claimId, double p, double falseBelow, double trueAbove)
    {
        if (p >= trueAbove) return new VeracityPrediction(claimId, Veracity.True, p, p);
        if (p <= falseBelow) return new VeracityPrediction(claimId, Veracity.False, 1 - p, p);
        return new VeracityPrediction(claimId, Veracity.Unknown, 1 - Math.Abs(2 * p - 1), p);
    }
}
