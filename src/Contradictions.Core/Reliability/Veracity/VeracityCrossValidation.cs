namespace Contradictions.Core.Reliability.Veracity;

/// <summary>k-fold cross-validation by claim: every article of a claim lands in the same fold.</summary>
public static class VeracityCrossValidation
{
    public const string Weighted = "reliability-weighted";
    public const string WeightedWithPriors = "reliability-weighted + source priors";
    public const string TunedUnweighted = "for − against, tuned band (ablation)";
    public const string Majority = "majority vote of stances";
    public const string Counts = "for − against counts";

    /// <summary>Runs all methods on the same folds. Deterministic: claims are sorted by id, then shuffled with <paramref name="seed"/>.</summary>
    public static CrossValidationReport Run(IReadOnlyList<EmergentArticle> articles, int folds = 5, int seed = 42, SourcePriors? priors = null)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Need at least two folds.");
        var claims = VeracityPredictor.GroupByClaim(articles)
            .Where(c => c.Value.First().ClaimTruth is not null)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var random = new Random(seed);
        for (var i = claims.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (claims[i], claims[j]) = (claims[j], claims[i]);
        }

        var methods = new Dictionary<string, List<(Veracity, Veracity)>>
        {
            [Weighted] = [], [WeightedWithPriors] = [], [TunedUnweighted] = [], [Majority] = [], [Counts] = [],
        };
        var seenPredictive = new CoverageTally();
        var allPredictive = new CoverageTally();
        var seenNaive = new CoverageTally();

        for (var fold = 0; fold < folds; fold++)
        {
            var test = claims.Where((_, i) => i % folds == fold).ToList();
            var train = claims.Where((_, i) => i % folds != fold).SelectMany(c => c.Value).ToList();
            var weighted = VeracityPredictor.Train(train);
            var withPriors = priors is null ? null : VeracityPredictor.Train(train, priors);
            var unweighted = VeracityPredictor.Train(train, options: VeracityOptions.Default with { WeightBySource = false });

            foreach (var (claimId, claimArticles) in test)
            {
                var gold = claimArticles.First().ClaimTruth!.Value;
                methods[Weighted].Add((gold, weighted.Predict(claimId, claimArticles).Predicted));
                if (withPriors is not null) methods[WeightedWithPriors].Add((gold, withPriors.Predict(claimId, claimArticles).Predicted));
                methods[TunedUnweighted].Add((gold, unweighted.Predict(claimId, claimArticles).Predicted));
                methods[Majority].Add((gold, VeracityBaselines.MajorityVote(claimId, claimArticles).Predicted));
                methods[Counts].Add((gold, VeracityBaselines.ForMinusAgainst(claimId, claimArticles).Predicted));
            }

            TallyCoverage(weighted, test, seenPredictive, allPredictive, seenNaive);
        }

        var scores = methods.Where(m => m.Value.Count > 0)
            .Select(m => new MethodScores(m.Key, ClassificationScores.Compute(m.Value)))
            .ToList();
        IReadOnlyList<IntervalCoverage> coverage =
        [
            seenPredictive.ToCoverage("held-out right calls inside the 90% Beta-binomial predictive interval; sources seen in training, ≥ 3 held-out calls"),
            allPredictive.ToCoverage("same, all sources with ≥ 3 held-out calls (unseen ones at their prior)"),
            seenNaive.ToCoverage("held-out accuracy inside the 90% credible interval; sources seen in training, ≥ 5 held-out calls"),
        ];
        return new CrossValidationReport(folds, seed, claims.Count, scores, coverage);
    }

    /// <summary>Per source: held-out right calls k of n on true/false claims (one call per source and claim).</summary>
    private static void TallyCoverage(
        VeracityModel model, IEnumerable<KeyValuePair<string, IReadOnlyCollection<EmergentArticle>>> test,
        CoverageTally seenPredictive, CoverageTally allPredictive, CoverageTally seenNaive)
    {
        var calls = new Dictionary<SourceRef, (double Right, int Total)>();
        foreach (var (_, articles) in test)
        {
            var truth = articles.First().ClaimTruth;
            if (truth is not (Veracity.True or Veracity.False)) continue;
            foreach (var (source, vote) in VeracityPredictor.NetVotes(articles))
            {
                var supportShare = (vote + 1) / 2;
                var right = truth == Veracity.True ? supportShare : 1 - supportShare;
                var tally = calls.GetValueOrDefault(source);
                calls[source] = (tally.Right + right, tally.Total + 1);
            }
        }

        foreach (var (source, (rightShare, n)) in calls.OrderBy(c => c.Key.Key, StringComparer.Ordinal))
        {
            var k = (int)Math.Round(rightShare, MidpointRounding.AwayFromZero);
            var posterior = model.PosteriorOf(source);
            var (low, high) = BetaBinomialInterval(n, posterior, 0.9);
            var covered = k >= low && k <= high;
            var seen = model.Reliability.Find(source) is not null;
            // With one or two held-out calls the predictive interval holds every outcome: no test at all.
            if (n < 3) continue;
            allPredictive.Add(covered);
            if (!seen) continue;
            seenPredictive.Add(covered);
            if (n >= 5)
            {
                var (lower, upper) = posterior.CredibleInterval(0.9);
                var accuracy = (double)k / n;
                seenNaive.Add(accuracy >= lower && accuracy <= upper);
            }
        }
    }

    /// <summary>Central interval of the Beta-binomial(n, α, β) holding at least <paramref name="level"/> of the mass.</summary>
    internal static (int Low, int High) BetaBinomialInterval(int n, BetaDistribution posterior, double level)
    {
        var tail = (1 - level) / 2;
        var cumulative = 0.0;
        int low = -1, high = n;
        for (var k = 0; k <= n; k++)
        {
            var logPmf = SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1)
                + SpecialFunctions.LogBeta(k + posterior.Alpha, n - k + posterior.Beta) - SpecialFunctions.LogBeta(posterior.Alpha, posterior.Beta);
            var before = cumulative;
            cumulative += Math.Exp(logPmf);
            if (low < 0 && cumulative > tail) low = k;
            if (before < 1 - tail && cumulative >= 1 - tail)
            {
                high = k;
                break;
            }
        }

        return (Math.Max(0, low), high);
    }

    private sealed class CoverageTally
    {
        public int Total { get; private set; }
        public int Covered { get; private set; }

        public void Add(bool covered)
        {
            Total++;
            if (covered) Covered++;
        }

        public IntervalCoverage ToCoverage(string description) => new(description, Total, Covered);
    }
}
