namespace Contradictions.Core.Reliability;

/// <summary>The outcome of comparing the two sides of a flag.</summary>
/// <param name="MoreLikelyRight">The favoured side, or undetermined.</param>
/// <param name="ProbabilityARight">Probability that side A is right, from its sources' reliabilities alone.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record SideAssessment(FlagSide MoreLikelyRight, double ProbabilityARight, string Reason);
