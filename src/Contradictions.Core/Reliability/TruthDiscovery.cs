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
/// <para>Deterministic: no randomness, and every loop runs in input order. To recompute after a batch of reviewer
/// verdicts without re-indexing the graph, keep a <see cref="ReliabilityModel"/>.</para>
/// </remarks>
public static class TruthDiscovery
{
    /// <summary>Indexes the graph and runs EM from the priors.</summary>
    public static ReliabilityResult Run(EvidenceGraph graph, ReliabilityOptions? options = null) =>
        new ReliabilityModel(graph, options).Compute();

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    internal static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(p / (1 - p));
    }
}
