namespace Contradictions.Core.Reliability;

/// <summary>
/// A source–claim graph indexed once, whose reliabilities can be recomputed cheaply after reviewer verdicts arrive.
/// The algorithm is described on <see cref="TruthDiscovery"/>.
/// </summary>
/// <remarks>Not thread-safe: one model per writer. Results are immutable snapshots.</remarks>
public sealed class ReliabilityModel
{
    private readonly GraphIndex _index;
    private readonly ReliabilityOptions _options;
    private readonly IReadOnlyDictionary<string, int> _claimIndex;
    private readonly bool?[] _verdicts;
    private readonly double[] _probability;
    private readonly double[] _alpha;
    private readonly double[] _beta;

    public ReliabilityModel(EvidenceGraph graph, ReliabilityOptions? options = null)
    {
        _options = options ?? ReliabilityOptions.Default;
        _index = GraphIndex.Build(graph, _options);
        _verdicts = [.. _index.Claims.Select(c => c.Verdict)];
        _claimIndex = _index.ClaimIndex;
        _probability = new double[_index.Claims.Length];
        _alpha = new double[_index.Sources.Length];
        _beta = new double[_index.Sources.Length];
        Reset();
    }

    /// <summary>Runs EM from the priors.</summary>
    public ReliabilityResult Compute()
    {
        Reset();
        return Iterate();
    }

    /// <summary>
    /// Sets (or with null, clears) reviewer verdicts and recomputes, starting from the previous solution so that a
    /// small batch converges in a few iterations. Unknown claim ids throw.
    /// </summary>
    public ReliabilityResult ApplyVerdicts(IEnumerable<KeyValuePair<string, bool?>> verdicts)
    {
        foreach (var (claimId, verdict) in verdicts)
        {
            if (!_claimIndex.TryGetValue(claimId, out var c)) throw new ArgumentException($"Unknown claim '{claimId}'.", nameof(verdicts));
            _verdicts[c] = verdict;
        }

        return Iterate();
    }

    private void Reset()
    {
        for (var s = 0; s < _alpha.Length; s++)
        {
            _alpha[s] = _index.Priors[s].Alpha;
            _beta[s] = _index.Priors[s].Beta;
        }

        Array.Clear(_probability);
    }

    private ReliabilityResult Iterate()
    {
        var claimCount = _probability.Length;
        var sourceCount = _alpha.Length;
        var logOdds = new double[sourceCount];
        var score = new double[claimCount];
        var claimPriorLogOdds = TruthDiscovery.Logit(_options.ClaimPrior);
        var pairs = _index.Pairs;
        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            for (var s = 0; s < sourceCount; s++)
                logOdds[s] = SpecialFunctions.Digamma(_alpha[s]) - SpecialFunctions.Digamma(_beta[s]);

            // E-step: each claim's truth from the votes of its sources.
            Array.Fill(score, claimPriorLogOdds);
            foreach (ref readonly var pair in pairs.AsSpan())
            {
                if (pair.TruthVote != 0) score[pair.Claim] += pair.TruthVote * logOdds[pair.Source];
            }

            var change = 0.0;
            for (var c = 0; c < claimCount; c++)
            {
                var p = _verdicts[c] switch { true => 1.0, false => 0.0, null => TruthDiscovery.Sigmoid(score[c]) };
                change = Math.Max(change, Math.Abs(p - _probability[c]));
                _probability[c] = p;
            }

            // M-step: each source's expected right and wrong calls, added to its prior.
            for (var s = 0; s < sourceCount; s++)
            {
                _alpha[s] = _index.Priors[s].Alpha;
                _beta[s] = _index.Priors[s].Beta;
            }

            foreach (ref readonly var pair in pairs.AsSpan())
            {
                if (pair.RecordWeight == 0) continue;
                var p = _probability[pair.Claim];
                var weight = _verdicts[pair.Claim] is null ? pair.RecordWeight : pair.RecordWeight * _options.VerdictEvidenceWeight;
                var right = pair.SupportShare * p + (1 - pair.SupportShare) * (1 - p);
                _alpha[pair.Source] += weight * right;
                _beta[pair.Source] += weight * (1 - right);
            }

            if (iterations > 1 && change < _options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        return Summarise(iterations, converged);
    }

    private ReliabilityResult Summarise(int iterations, bool converged)
    {
        var effective = new double[_alpha.Length];
        for (var s = 0; s < effective.Length; s++) effective[s] = _alpha[s] + _beta[s] - _index.Priors[s].Strength;
        var allEvidence = _index.Evidence(effective, _verdicts);
        var sources = new List<SourceReliability>(_alpha.Length);
        for (var s = 0; s < _alpha.Length; s++)
        {
            var posterior = new BetaDistribution(_alpha[s], _beta[s]);
            var prior = _index.Priors[s];
            var (lower, upper) = posterior.CredibleInterval(_options.CredibleLevel);
            var explanation = Explanations.For(prior, posterior, lower, upper, allEvidence[s], _index.PriorIsExplicit[s], _options);
            sources.Add(new SourceReliability(_index.Sources[s], posterior.Mean, lower, upper, prior, posterior, allEvidence[s], explanation));
        }

        sources.Sort((x, y) =>
        {
            var byEstimate = y.Estimate.CompareTo(x.Estimate);
            if (byEstimate != 0) return byEstimate;
            var byKind = x.Source.Kind.CompareTo(y.Source.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Source.Key, y.Source.Key);
        });

        var claims = new ClaimTruth[_probability.Length];
        for (var c = 0; c < claims.Length; c++)
            claims[c] = new ClaimTruth(_index.Claims[c].Id, _probability[c], _verdicts[c], _index.SupportVoices[c], _index.RefuteVoices[c]);

        return new ReliabilityResult(sources, claims, iterations, converged);
    }
}
