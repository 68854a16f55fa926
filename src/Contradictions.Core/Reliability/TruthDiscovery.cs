namespace Contradictions.Core.Reliability;

/// <summary>
/// Truth discovery over the source–claim graph with Beta posteriors on source reliability.
/// </summary>
/// <remarks>
/// <para>The model is the "one-coin" simplification of the Latent Truth Model (Zhao, Rubinstein, Gemmell &amp; Han,
/// "A Bayesian Approach to Discovering Truth from Conflicting Sources for Data Integration", VLDB 2012): each claim has a
/// latent truth value, each source a single probability r of being right (LTM keeps separate sensitivity and
/// specificity; with few claims per source one parameter is what the data can carry), with a Beta prior on r.
/// Instead of LTM's collapsed Gibbs sampling it runs mean-field variational EM (as in Liu, Peng &amp; Ihler,
/// "Variational Inference for Crowdsourcing", NIPS 2012): the E-step sets each claim's log-odds to the prior log-odds plus,
/// for every voice, ±E[logit r] = ±(ψ(α) − ψ(β)), which shrinks the votes of sources with little evidence; the M-step
/// adds each source's expected right and wrong calls as soft counts to its prior. The iteration is TruthFinder-like
/// (Yin, Han &amp; Yu, "Truth Discovery with Multiple Conflicting Information Providers on the Web", KDD 2007/TKDE 2008):
/// source trust and claim confidence are computed from each other until they stop moving.</para>
/// <para>Graph-specific rules: one source counts once per claim; assertions sharing an origin (copies, links of one
/// chain) are one voice, split among the sources in each role; relays get <see cref="ReliabilityOptions.RelayCredit"/>;
/// mentions resting on anonymous sources weigh <see cref="ReliabilityOptions.AnonymousWeight"/> as evidence of truth;
/// a refutation by the party a claim was attributed to is a denial (<see cref="ReliabilityOptions.DenialWeight"/>) and
/// drops the attributed support from that party's record; reviewer verdicts fix a claim's truth.</para>
/// <para>Deterministic: no randomness, and every loop runs in input order.</para>
/// </remarks>
public static class TruthDiscovery
{
    public static ReliabilityResult Run(EvidenceGraph graph, ReliabilityOptions? options = null)
    {
        options ??= ReliabilityOptions.Default;
        var index = GraphIndex.Build(graph, options);
        var claimCount = index.Claims.Length;
        var sourceCount = index.Sources.Length;

        var probability = new double[claimCount];
        var alpha = new double[sourceCount];
        var beta = new double[sourceCount];
        var logOdds = new double[sourceCount];
        var claimPriorLogOdds = Logit(options.ClaimPrior);
        for (var s = 0; s < sourceCount; s++)
        {
            alpha[s] = index.Priors[s].Alpha;
            beta[s] = index.Priors[s].Beta;
        }

        var pairs = index.Pairs;
        var iterations = 0;
        var converged = false;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            for (var s = 0; s < sourceCount; s++)
                logOdds[s] = SpecialFunctions.Digamma(alpha[s]) - SpecialFunctions.Digamma(beta[s]);

            // E-step: each claim's truth from the votes of its sources.
            var score = new double[claimCount];
            Array.Fill(score, claimPriorLogOdds);
            foreach (var pair in pairs)
            {
                if (pair.TruthVote != 0) score[pair.Claim] += pair.TruthVote * logOdds[pair.Source];
            }

            var change = 0.0;
            for (var c = 0; c < claimCount; c++)
            {
                var verdict = index.Claims[c].Verdict;
                var p = verdict switch { true => 1.0, false => 0.0, null => Sigmoid(score[c]) };
                change = Math.Max(change, Math.Abs(p - probability[c]));
                probability[c] = p;
            }

            // M-step: each source's expected right and wrong calls, added to its prior.
            for (var s = 0; s < sourceCount; s++)
            {
                alpha[s] = index.Priors[s].Alpha;
                beta[s] = index.Priors[s].Beta;
            }

            foreach (var pair in pairs)
            {
                if (pair.RecordWeight == 0) continue;
                var p = probability[pair.Claim];
                var right = pair.SupportShare * p + (1 - pair.SupportShare) * (1 - p);
                alpha[pair.Source] += pair.RecordWeight * right;
                beta[pair.Source] += pair.RecordWeight * (1 - right);
            }

            if (iterations > 1 && change < options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        return Summarise(index, options, probability, alpha, beta, iterations, converged);
    }

    private static ReliabilityResult Summarise(
        GraphIndex index, ReliabilityOptions options, double[] probability, double[] alpha, double[] beta, int iterations, bool converged)
    {
        var effective = new double[index.Sources.Length];
        for (var s = 0; s < effective.Length; s++) effective[s] = alpha[s] + beta[s] - index.Priors[s].Strength;
        var allEvidence = index.Evidence(effective);
        var sources = new List<SourceReliability>(index.Sources.Length);
        for (var s = 0; s < index.Sources.Length; s++)
        {
            var posterior = new BetaDistribution(alpha[s], beta[s]);
            var prior = index.Priors[s];
            var (lower, upper) = posterior.CredibleInterval(options.CredibleLevel);
            var evidence = allEvidence[s];
            var explanation = Explanations.For(index.Sources[s], prior, posterior, lower, upper, evidence, index.PriorIsExplicit[s], options);
            sources.Add(new SourceReliability(index.Sources[s], posterior.Mean, lower, upper, prior, posterior, evidence, explanation));
        }

        sources.Sort((x, y) =>
        {
            var byEstimate = y.Estimate.CompareTo(x.Estimate);
            if (byEstimate != 0) return byEstimate;
            var byKind = x.Source.Kind.CompareTo(y.Source.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Source.Key, y.Source.Key);
        });

        var claims = new ClaimTruth[index.Claims.Length];
        for (var c = 0; c < claims.Length; c++)
        {
            var node = index.Claims[c];
            claims[c] = new ClaimTruth(node.Id, probability[c], node.Verdict, index.SupportVoices[c], index.RefuteVoices[c]);
        }

        return new ReliabilityResult(sources, claims, iterations, converged);
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    internal static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(p / (1 - p));
    }
}
