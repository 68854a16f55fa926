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
        Stems = stems;
        Negations = negations;
        Refuting = refuting;
        Hedging = hedging;
        this.text = text;
        AntonymMask = PairFeatureExtractor.AntonymMaskOf(stems);
        stemKeys = SortedKeys(stems);
        speakerKeys = Array.ConvertAll(speakerPrefixes, Key);
        contextKeys = SortedKeys(contextPrefixes);
    }

    // Stems and word prefixes as 64-bit FNV-1a keys (as the stance features key stems), sorted: the pair features
    // compare them for every candidate pair, and merging or halving small arrays reads a few cache lines where
    // hash-set look-ups read every string of both claims. Two distinct words would have to share a 64-bit key to
    // change a count (none do among the FNC-1 bodies' stems: the scan's output is the same to the byte).
    private readonly ulong[] stemKeys;
    private readonly ulong[] speakerKeys;
    private readonly ulong[] contextKeys;

    /// <summary>How many stems this claim shares with <paramref name="other"/>.</summary>
    public int SharedStems(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ulong[] a = stemKeys, b = other.stemKeys;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    /// <summary>Distinct stems (the size of <see cref="Stems"/>).</summary>
    public int StemCount => stemKeys.Length;

    /// <summary>
    /// Words of the named speaker's name (stop words and words of one or two letters left out), cut to five letters
    /// so "Ukrainian"/"Ukraine" and "Ministry"/"Minister" meet; none for anonymous or unattributed claims.
    /// </summary>
    public int SpeakerWords => speakerKeys.Length;

    /// <summary>How many of <see cref="SpeakerWords"/> are among the five-letter prefixes of <paramref name="other"/>'s words and of every name in its chain.</summary>
    public int SpeakerWordsIn(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int found = 0;
        foreach (var w in speakerKeys) if (other.contextKeys.AsSpan().BinarySearch(w) >= 0) found++;
        return found;
    }

    private static ulong[] SortedKeys(IReadOnlyCollection<string> words)
    {
        var keys = new ulong[words.Count];
        int i = 0;
        foreach (var w in words) keys[i++] = Key(w);
        Array.Sort(keys);
        return keys;
    }

    private static ulong Key(string s) => StableHash.Of(s);

    /// <summary>Which of the pair features' antonym stems the claim has, one bit each.</summary>
    public ulong AntonymMask { get; }

    /// <summary>Words that discredit a claim ("fake", "denied", "hoax").</summary>
    public int Refuting { get; }
    public int Hedging { get; }

    public HashSet<string> Stems { get; }

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
