namespace Contradictions.Core.Reliability.Veracity;

/// <summary>Result of <see cref="VeracityCrossValidation.Run"/>.</summary>
public sealed record CrossValidationReport(
    int Folds,
    int Seed,
    int Claims,
    IReadOnlyList<MethodScores> Methods,
    IReadOnlyList<IntervalCoverage> Coverage);
