using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247004)] // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(10.3, 13.48203678613836)]
    public void LogGamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 12);

    [Theory]
    [InlineData(1.0, -0.5772156649015329)] // −γ
    [InlineData(0.5, -1.9635100260214235)] // −γ − 2 ln 2
    [InlineData(2.0, 0.42278433509846713)] // 1 − γ
    public void Digamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Digamma(x), 12);

    [Fact]
    public void Incomplete_beta_matches_the_closed_form_of_Beta_2_2()
    {
        foreach (var x in new[] { 0.01, 0.2, 0.5, 0.77, 0.99 })
            Assert.Equal(3 * x * x - 2 * x * x * x, SpecialFunctions.RegularizedIncompleteBeta(2, 2, x), 12);
    }

    [Theory]
    // Beta(2, 2): CDF 3x² − 2x³, solved by bisection.
    [InlineData(2, 2, 0.05, 0.1353503621715838)]
    [InlineData(2, 2, 0.95, 0.8646496378284161)]
    // Beta(2, 3): CDF 6x² − 8x³ + 3x⁴.
    [InlineData(2, 3, 0.95, 0.751395374269819)]
    // Beta(½, ½) is the arcsine law: quantile sin²(πp/2).
    [InlineData(0.5, 0.5, 0.05, 0.0061558297024311365)]
    // Beta(1, 1) is uniform.
    [InlineData(1, 1, 0.3, 0.3)]
    public void Inverse_incomplete_beta_matches_known_quantiles(double a, double b, double p, double expected) =>
        Assert.Equal(expected, SpecialFunctions.InverseRegularizedIncompleteBeta(a, b, p), 10);

    [Theory]
    [InlineData(5.0, 0.05)]
    [InlineData(0.3, 0.9)]
    [InlineData(40.0, 0.5)]
    public void Closed_forms_of_Beta_a_1_and_Beta_1_b_hold(double shape, double p)
    {
        Assert.Equal(Math.Pow(p, 1 / shape), SpecialFunctions.InverseRegularizedIncompleteBeta(shape, 1, p), 10);
        Assert.Equal(1 - Math.Pow(1 - p, 1 / shape), SpecialFunctions.InverseRegularizedIncompleteBeta(1, shape, p), 10);
    }

    [Theory]
    [InlineData(300, 7, 0.05)]
    [InlineData(0.2, 900, 0.95)]
    [InlineData(1200, 1300, 0.01)]
    public void Inverse_round_trips_in_skewed_and_concentrated_cases(double a, double b, double p)
    {
        var x = SpecialFunctions.InverseRegularizedIncompleteBeta(a, b, p);
        Assert.Equal(p, SpecialFunctions.RegularizedIncompleteBeta(a, b, x), 9);
    }
}
