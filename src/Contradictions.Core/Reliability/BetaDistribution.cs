namespace Contradictions.Core.Reliability;

/// <summary>A Beta(α, β) belief about a probability, here a source's chance of being right.</summary>
public readonly record struct BetaDistribution
{
    public BetaDistribution(double alpha, double beta)
    {
        if (!(alpha > 0) || !(beta > 0) || !double.IsFinite(alpha) || !double.IsFinite(beta))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Beta({alpha}, {beta}) needs finite positive parameters.");
        Alpha = alpha;
        Beta = beta;
    }

    public double Alpha { get; }
    public double Beta { get; }

    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>α + β: how many observations' worth of evidence the belief carries.</summary>
    public double Strength => Alpha + Beta;

    /// <summary>E[ln r − ln(1 − r)] = ψ(α) − ψ(β): the expected log-odds of being right, which shrinks towards 0 when evidence is thin.</summary>
    public double ExpectedLogOdds => SpecialFunctions.Digamma(Alpha) - SpecialFunctions.Digamma(Beta);

    public double Quantile(double p) => SpecialFunctions.InverseRegularizedIncompleteBeta(Alpha, Beta, p);

    public double Cdf(double x) => SpecialFunctions.RegularizedIncompleteBeta(Alpha, Beta, x);

    /// <summary>The equal-tailed credible interval holding <paramref name="level"/> of the mass.</summary>
    public (double Lower, double Upper) CredibleInterval(double level = 0.9)
    {
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), level, "Level must be in (0, 1).");
        var tail = (1 - level) / 2;
        return (Quantile(tail), Quantile(1 - tail));
    }

    /// <summary>Adds observed successes and failures (soft counts allowed).</summary>
    public BetaDistribution Update(double successes, double failures) => new(Alpha + successes, Beta + failures);

    public override string ToString() => FormattableString.Invariant($"Beta({Alpha:0.##}, {Beta:0.##})");
}
