namespace Contradictions.Core.Reliability.Veracity;

/// <summary>
/// Learns source reliability from claims with known veracity and predicts held-out claims from the stances of their
/// articles, each source's vote weighted by its expected log-odds of being right.
/// </summary>
/// <remarks>
/// Training builds an <see cref="EvidenceGraph"/> (true/false claims with their labels as verdicts; for → supports,
/// against → refutes, observing → reports; one origin per article) and runs <see cref="TruthDiscovery"/>. Emergent's
/// largest class is "unknown", so the band of P(true) that predicts unknown is tuned on the training claims, scoring
/// each labelled one with leave-one-claim-out reliabilities (its own contribution removed) so the band is not fitted to
/// reliabilities that already saw the answer.
/// </remarks>
public static class VeracityPredictor
{
    public static VeracityModel Train(IReadOnlyList<EmergentArticle> training, SourcePriors? priors = null, VeracityOptions? options = null)
    {
        priors ??= SourcePriors.Empty;
        options ??= VeracityOptions.Default;
        var claims = GroupByClaim(training);

        var builder = new EvidenceGraphBuilder();
        int trueClaims = 0, labelled = 0;
        foreach (var (claimId, articles) in claims)
        {
            var truth = articles.First().ClaimTruth;
            if (truth is not (Veracity.True or Veracity.False)) continue;
            labelled++;
            if (truth == Veracity.True) trueClaims++;
            builder.AddClaim(claimId, truth == Veracity.True);
            foreach (var article in articles)
            {
                var source = SourceRef.Outlet(article.Source);
                builder.AddAssertion(new SourceAssertion(source, claimId, SourceRole.Outlet, article.Stance.ToAssertionStance(), article.ArticleId));
                if (priors.TryGetPrior(source, out var prior)) builder.SetPrior(source, prior);
            }
        }

        var reliability = TruthDiscovery.Run(builder.Build(), options.Reliability);
        // Laplace smoothing keeps the prior off 0 and 1 for tiny training sets.
        var claimPrior = (trueClaims + 1.0) / (labelled + 2.0);
        var draft = new VeracityModel(reliability, priors, options, claimPrior, 0, 1);

        var scored = new List<(Veracity Gold, double P)>();
        foreach (var (_, articles) in claims)
        {
            var truth = articles.First().ClaimTruth;
            if (truth is null) continue;
            var votes = NetVotes(articles).ToDictionary(v => v.Source, v => v.Vote);
            BetaDistribution LeaveOut(SourceRef source)
            {
                var posterior = draft.PosteriorOf(source);
                if (truth is Veracity.Unknown || !votes.TryGetValue(source, out var vote)) return posterior;
                var supportShare = (vote + 1) / 2;
                var right = truth == Veracity.True ? supportShare : 1 - supportShare;
                var weight = options.Reliability.VerdictEvidenceWeight;
                return new BetaDistribution(Math.Max(1e-3, posterior.Alpha - weight * right), Math.Max(1e-3, posterior.Beta - weight * (1 - right)));
            }

            scored.Add((truth.Value, draft.ProbabilityTrue(articles, LeaveOut)));
        }

        var (falseBelow, trueAbove) = TuneBand(scored, options.ThresholdStep);
        return new VeracityModel(reliability, priors, options, claimPrior, falseBelow, trueAbove);
    }

    /// <summary>The band maximising training macro-F1 (ties: accuracy, then the first on the grid).</summary>
    private static (double FalseBelow, double TrueAbove) TuneBand(List<(Veracity Gold, double P)> scored, double step)
    {
        var best = (FalseBelow: 0.5, TrueAbove: 0.5);
        var bestScore = (F1: -1.0, Accuracy: -1.0);
        var steps = (int)Math.Round(1 / step);
        for (var i = 0; i <= steps; i++)
        {
            var low = i * step;
            for (var j = i; j <= steps; j++)
            {
                var high = j * step;
                var pairs = scored.Select(s => (s.Gold, VeracityModel.Decide("", s.P, low, high).Predicted)).ToList();
                var scores = ClassificationScores.Compute(pairs);
                if (scores.MacroF1 > bestScore.F1 + 1e-12 || (Math.Abs(scores.MacroF1 - bestScore.F1) <= 1e-12 && scores.Accuracy > bestScore.Accuracy + 1e-12))
                {
                    bestScore = (scores.MacroF1, scores.Accuracy);
                    best = (low, high);
                }
            }
        }

        return best;
    }

    /// <summary>Each source's net stance on a claim in [−1, 1]: (for − against) / (for + against); sources only observing are left out.</summary>
    internal static IEnumerable<(SourceRef Source, double Vote)> NetVotes(IEnumerable<EmergentArticle> articles)
    {
        var tallies = new Dictionary<SourceRef, (int For, int Against)>();
        var order = new List<SourceRef>();
        foreach (var article in articles)
        {
            if (article.Stance == HeadlineStance.Observing) continue;
            var source = SourceRef.Outlet(article.Source);
            if (!tallies.TryGetValue(source, out var tally)) order.Add(source);
            tallies[source] = article.Stance == HeadlineStance.For ? (tally.For + 1, tally.Against) : (tally.For, tally.Against + 1);
        }

        foreach (var source in order)
        {
            var (forCount, against) = tallies[source];
            yield return (source, (double)(forCount - against) / (forCount + against));
        }
    }

    /// <summary>Articles grouped by claim, claims in order of first appearance.</summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<EmergentArticle>>> GroupByClaim(IEnumerable<EmergentArticle> articles)
    {
        var groups = new Dictionary<string, List<EmergentArticle>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var article in articles)
        {
            if (!groups.TryGetValue(article.ClaimId, out var list))
            {
                groups[article.ClaimId] = list = [];
                order.Add(article.ClaimId);
            }

            list.Add(article);
        }

        return [.. order.Select(id => new KeyValuePair<string, IReadOnlyCollection<EmergentArticle>>(id, groups[id]))];
    }
}
