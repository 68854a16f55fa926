namespace Contradictions.Core.Reliability.Veracity;

/// <summary>One method's pooled held-out scores in a cross-validation.</summary>
public sealed record MethodScores(string Method, ClassificationScores Scores);
