namespace Contradictions.Core.Reliability;

/// <summary>
/// The few special functions the Beta posteriors need. Written here because Core takes no math package;
/// algorithms follow Numerical Recipes (3rd ed., §6.1, §6.4): Lanczos log-gamma, Lentz continued fraction
/// for the regularized incomplete beta, and a bracketed Newton inversion that never leaves [0, 1].
/// </summary>
public static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7; relative error about 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0 || double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        if (x < 0.5)
        {
            // Reflection keeps the series in its accurate range.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ψ(x), the derivative of ln Γ, for x &gt; 0 (recurrence up to 10, then the asymptotic series).</summary>
    public static double Digamma(double x)
    {
        if (x <= 0 || double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Digamma needs x > 0.");
        var result = 0.0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }

        var f = 1 / (x * x);
        return result + Math.Log(x) - 0.5 / x
            - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }

    /// <summary>ln B(a, b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>I_x(a, b), the Beta(a, b) cumulative distribution at x.</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (a <= 0 || b <= 0) throw new ArgumentOutOfRangeException(nameof(a), "Beta parameters must be positive.");
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x) - LogBeta(a, b));
        // The continued fraction converges fast only on this side of the mean; use the symmetry otherwise.
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(a, b, x) / a
            : 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    /// <summary>The x with I_x(a, b) = p: the p-quantile of Beta(a, b).</summary>
    public static double InverseRegularizedIncompleteBeta(double a, double b, double p)
    {
        if (a <= 0 || b <= 0) throw new ArgumentOutOfRangeException(nameof(a), "Beta parameters must be positive.");
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        if (p == 0) return 0;
        if (p == 1) return 1;

        double low = 0, high = 1;
        var x = a / (a + b);
        var logNorm = LogBeta(a, b);
        for (var i = 0; i < 200; i++)
        {
            var error = RegularizedIncompleteBeta(a, b, x) - p;
            if (Math.Abs(error) < 1e-14) return x;
            if (error > 0) high = x; else low = x;

            var density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logNorm);
            var next = density > 0 && double.IsFinite(density) ? x - error / density : double.NaN;
            // Newton is fast near the answer; the bracket keeps it honest in the skewed tails.
            x = next > low && next < high ? next : 0.5 * (low + high);
            if (high - low < 1e-15) return x;
        }

        return x;
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        const double epsilon = 1e-15;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - qab * x / qap;
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 1000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < epsilon) break;
        }

        return h;
    }
}
