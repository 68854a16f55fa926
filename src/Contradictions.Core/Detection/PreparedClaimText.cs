using Contradictions.Core.Claims;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>What the pair features need of one claim's text, computed once per claim.</summary>
public sealed class PreparedClaimText
{
    private PreparedClaimText(HashSet<string> stems, int negations, int refuting, int hedging, string[] tokens)
    {
        Stems = stems;
        Negations = negations;
        Refuting = refuting;
        Hedging = hedging;
        Tokens = tokens;
    }

    /// <summary>Words that discredit a claim ("fake", "denied", "hoax").</summary>
    public int Refuting { get; }
    public int Hedging { get; }

    public HashSet<string> Stems { get; }
    public int Negations { get; }
    public string[] Tokens { get; }

    public static PreparedClaimText From(Claim claim)
    {
        var tokens = Tokenizer.Tokenize(claim.Text);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        int negations = 0, refuting = 0, hedging = 0;
        foreach (var t in tokens)
        {
            if (Lexicons.IsNegation(t)) negations++;
            if (Lexicons.Refuting.Contains(t)) refuting++;
            if (Lexicons.Hedging.Contains(t)) hedging++;
            if (Lexicons.Stop.Contains(t) || Lexicons.Negating.Contains(t) || t.Length < 2) continue;
            stems.Add(Stemmer.Stem(t));
        }
        return new PreparedClaimText(stems, negations, refuting, hedging, tokens.ToArray());
    }
}
