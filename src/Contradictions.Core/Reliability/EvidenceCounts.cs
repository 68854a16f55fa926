namespace Contradictions.Core.Reliability;

/// <summary>The evidence behind a source's score, in claims (one source counts once per claim).</summary>
/// <param name="Claims">Claims the source took part in, in any role.</param>
/// <param name="Supported">Claims it asserted.</param>
/// <param name="Refuted">Claims it denied or disputed.</param>
/// <param name="Reported">Claims it mentioned without taking a side.</param>
/// <param name="ConfirmedByReviewers">Claims where a reviewer's verdict agreed with its stance.</param>
/// <param name="RejectedByReviewers">Claims where a reviewer's verdict went against its stance.</param>
/// <param name="Corroborated">Claims where an independent origin (not a copy, not itself) took the same side.</param>
/// <param name="Contradicted">Claims where an independent origin took the other side.</param>
/// <param name="Denials">Mentions it published or relayed that the quoted party denied.</param>
/// <param name="AnonymousShare">Share of its mentions that rest on an anonymous source.</param>
/// <param name="EffectiveEvidence">Observations' worth of evidence gathered beyond the prior (posterior minus prior strength).</param>
public sealed record EvidenceCounts(
    int Claims,
    int Supported,
    int Refuted,
    int Reported,
    int ConfirmedByReviewers,
    int RejectedByReviewers,
    int Corroborated,
    int Contradicted,
    int Denials,
    double AnonymousShare,
    double EffectiveEvidence);
