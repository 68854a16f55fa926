using Contradictions.Core.Claims;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>What the pair features need of one claim's text, computed once per claim.</summary>
public sealed class PreparedClaimText
{
    private readonly string text;

    private PreparedClaimText(string text, HashSet<string> stems, int negations, int refuting, int hedging,
        string[] speakerPrefixes, HashSet<string> contextPrefixes)
    {
        SpeakerPrefixes = speakerPrefixes;
        ContextPrefixes = contextPrefixes;
        Stems = stems;
        Negations = negations;
        Refuting = refuting;
        Hedging = hedging;
        this.text = text;
        AntonymMask = PairFeatureExtractor.AntonymMaskOf(stems);
    }

    /// <summary>Which of the pair features' antonym stems the claim has, one bit each.</summary>
    public ulong AntonymMask { get; }

    /// <summary>Words that discredit a claim ("fake", "denied", "hoax").</summary>
    public int Refuting { get; }
    public int Hedging { get; }

    public HashSet<string> Stems { get; }

    /// <summary>
    /// Content words of the named speaker's name, cut to five letters so "Ukrainian"/"Ukraine" and
    /// "Ministry"/"Minister" meet; empty for anonymous or unattributed claims.
    /// </summary>
    public string[] SpeakerPrefixes { get; }

    /// <summary>Five-letter prefixes of the claim's words and of every name in its chain.</summary>
    public HashSet<string> ContextPrefixes { get; }
    public int Negations { get; }

    /// <summary>The claim's tokens, computed again on each call: a scan keeps every claim's preparation, and the pair features never read them.</summary>
    public IReadOnlyList<string> Tokens() => Tokenizer.Tokenize(text);

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
        var speaker = claim.Speaker is { Anonymous: false } s
            ? Tokenizer.Tokenize(s.Name).Where(w => !Lexicons.Stop.Contains(w) && w.Length > 2).Select(Prefix).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        var context = tokens.Select(Prefix).ToHashSet(StringComparer.Ordinal);
        foreach (var link in claim.Chain)
        {
            foreach (var w in Tokenizer.Tokenize(link.Name)) context.Add(Prefix(w));
        }
        return new PreparedClaimText(claim.Text, stems, negations, refuting, hedging, speaker, context);
    }

    private static string Prefix(string word) => word.Length <= 5 ? word : word[..5];
}
