using System.Globalization;

namespace Contradictions.Core.Reliability;

/// <summary>Turns a source's evidence into sentences a journalist can check.</summary>
internal static class Explanations
{
    public static IReadOnlyList<string> For(
        BetaDistribution prior, BetaDistribution posterior, double lower, double upper,
        EvidenceCounts e, bool explicitPrior, ReliabilityOptions options)
    {
        var lines = new List<string>
        {
            F($"Estimate {posterior.Mean:0.00}, {options.CredibleLevel:P0} credible interval {lower:0.00}–{upper:0.00} (posterior {posterior})."),
            explicitPrior
                ? F($"Started from a prior of {prior.Mean:0.00} ({prior}) from the source-priors list.")
                : F($"Started from the default prior of {prior.Mean:0.00} ({prior}): no outside rating."),
        };

        if (e.EffectiveEvidence < options.LittleEvidence)
            lines.Add(F($"Little evidence ({e.EffectiveEvidence:0.#} observations): the score stays near the prior and the interval is wide."));

        if (e.ConfirmedByReviewers + e.RejectedByReviewers > 0)
            lines.Add(F($"Reviewers: {e.ConfirmedByReviewers} claim(s) confirmed, {e.RejectedByReviewers} rejected."));
        if (e.Denials > 0)
            lines.Add(F($"{e.Denials} report(s) denied by the party quoted."));
        if (e.Supported + e.Refuted > 0)
            lines.Add(F($"Took a side on {e.Supported + e.Refuted} of {e.Claims} claim(s): {e.Corroborated} corroborated by independent origins, {e.Contradicted} contradicted."));
        else if (e.Claims > 0)
            lines.Add(F($"Reported {e.Claims} claim(s) without taking a side: no evidence either way."));
        if (e.AnonymousShare > 0)
            lines.Add(F($"{e.AnonymousShare:P0} of its mentions rest on anonymous sources; they weigh {options.AnonymousWeight:0.##} as evidence."));

        return lines;

        static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
