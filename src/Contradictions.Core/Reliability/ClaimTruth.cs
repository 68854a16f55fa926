namespace Contradictions.Core.Reliability;

/// <summary>The model's belief about one claim.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ProbabilityTrue">Posterior probability that the claim is true (0 or 1 when a reviewer decided it).</param>
/// <param name="Verdict">The reviewer's verdict, if any.</param>
/// <param name="SupportingVoices">Independent voices for it, after collapsing copies and weighting by role and anonymity.</param>
/// <param name="RefutingVoices">Independent voices against it, weighted the same way.</param>
public sealed record ClaimTruth(string ClaimId, double ProbabilityTrue, bool? Verdict, double SupportingVoices, double RefutingVoices);
