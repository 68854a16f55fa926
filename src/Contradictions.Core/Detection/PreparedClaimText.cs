using System.Runtime.InteropServices;
using Contradictions.Core.Claims;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>What the pair features need of one claim's text, computed once per claim.</summary>
public sealed class PreparedClaimText
{
    private readonly string text;

    private PreparedClaimText(string text, ulong[] keys, (int Content, int Speaker, int Context, int Entities) starts,
        ulong antonymMask, int negations, int refuting, int hedging)
    {
        this.text = text;
        this.keys = keys;
        this.starts = starts;
        AntonymMask = antonymMask;
        Negations = negations;
        Refuting = refuting;
        Hedging = hedging;
    }

    // Stems and word prefixes as 64-bit FNV-1a keys (as the stance features key stems), sorted: the pair features
    // compare them for every candidate pair, and merging or halving small arrays reads a few cache lines where
    // hash-set look-ups read every string of both claims. The stem sets themselves are not kept: a scan holds every
    // claim's preparation until it ends, and the strings and hash sets were most of it (training, which asks for them,
    // builds them again: Stems). Every count here (shared stems, distinct stems, content coverage) is of keys, so two
    // distinct words sharing a 64-bit key would count as one: none do among the FNC-1 bodies' stems, but such a pair
    // can be found by search (FNV-1a is not a cryptographic hash), and a text planting one moves these features a
    // little, as planting any overlapping words would.
    // The five key lists are runs of one array, in this order: stems, content stems, speaker words (in name order),
    // context words and entities (each other run sorted and distinct). One array instead of five: a scan keeps one
    // preparation per claim, and each array was another object for the collector to copy.
    private readonly ulong[] keys;
    private readonly (int Content, int Speaker, int Context, int Entities) starts;

    private ReadOnlySpan<ulong> StemKeys => keys.AsSpan(0, starts.Content);
    private ReadOnlySpan<ulong> ContentKeys => keys.AsSpan(starts.Content, starts.Speaker - starts.Content);
    private ReadOnlySpan<ulong> SpeakerKeys => keys.AsSpan(starts.Speaker, starts.Context - starts.Speaker);
    private ReadOnlySpan<ulong> ContextKeys => keys.AsSpan(starts.Context, starts.Entities - starts.Context);
    // The entities' keys as a sorted set of 64-bit hashes, as the stems are: a merge counts the shared ones (two keys
    // whose hashes collide would count as one entity, as two stems would).
    private ReadOnlySpan<ulong> EntityKeys => keys.AsSpan(starts.Entities);
    private HashSet<string>? stems;

    // Key lists reused by each thread's preparations: only their sorted distinct copies are kept.
    [ThreadStatic] private static (List<ulong> Stems, List<ulong> Content, List<ulong> Speaker, List<ulong> Context, List<ulong> Entities)? scratch;

    /// <summary>How many stems this claim shares with <paramref name="other"/>.</summary>
    public int SharedStems(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return KeySet.CountIn(StemKeys, other.StemKeys);
    }

    /// <summary>How many distinct entities (by key) this claim shares with <paramref name="other"/>.</summary>
    public int SharedEntities(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return KeySet.CountIn(EntityKeys, other.EntityKeys);
    }

    /// <summary>
    /// Share of this claim's content stems (refuting and hedging words, "deny" and "later" left out) that
    /// <paramref name="other"/> has, 0 if it has none: how much of a denial restates the report it denies.
    /// </summary>
    public float ContentCoveredBy(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return starts.Speaker == starts.Content ? 0 : KeySet.CountIn(ContentKeys, other.StemKeys) / (float)(starts.Speaker - starts.Content);
    }

    /// <summary>Distinct stems, counted by key (the size of <see cref="Stems"/> unless two stems share a key).</summary>
    public int StemCount => starts.Content;

    /// <summary>
    /// Words of the named speaker's name (stop words and words of one or two letters left out), cut to five letters
    /// so "Ukrainian"/"Ukraine" and "Ministry"/"Minister" meet; none for anonymous or unattributed claims.
    /// </summary>
    public int SpeakerWords => starts.Context - starts.Speaker;

    /// <summary>How many of <see cref="SpeakerWords"/> are among the five-letter prefixes of <paramref name="other"/>'s words and of every name in its chain.</summary>
    public int SpeakerWordsIn(PreparedClaimText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int found = 0;
        var context = other.ContextKeys;
        foreach (var w in SpeakerKeys) if (context.BinarySearch(w) >= 0) found++;
        return found;
    }

    private static ulong Key(ReadOnlySpan<char> s) => StableHash.Of(s);

    /// <summary>Which of the pair features' antonym stems the claim has, one bit each.</summary>
    public ulong AntonymMask { get; }

    /// <summary>Words that discredit a claim ("fake", "denied", "hoax").</summary>
    public int Refuting { get; }
    public int Hedging { get; }

    /// <summary>The claim's distinct content stems, built on first use (training asks for them; a scan never does).</summary>
    public HashSet<string> Stems => stems ??= StemsOf(Tokenizer.Tokenize(text));

    public int Negations { get; }

    /// <summary>The claim's tokens, computed again on each call: a scan keeps every claim's preparation, and the pair features never read them.</summary>
    public IReadOnlyList<string> Tokens() => Tokenizer.Tokenize(text);

    public static PreparedClaimText From(Claim claim)
    {
        // Tokens and stems are read as spans and kept only as keys: a scan prepares every claim, and a string per
        // token was most of what preparing allocated.
        int negations = 0, refuting = 0, hedging = 0;
        ulong antonyms = 0;
        var (stemKeys, contentKeys, speakerKeys, context, entityKeys) = scratch ??= ([], [], [], [], []);
        stemKeys.Clear();
        contentKeys.Clear();
        speakerKeys.Clear();
        context.Clear();
        entityKeys.Clear();
        Span<char> tokenBuffer = stackalloc char[64];
        Span<char> stemBuffer = stackalloc char[64];
        foreach (var t in Tokenizer.Enumerate(claim.Text, tokenBuffer))
        {
            var lexicons = Lexicons.Of(t);
            if (Lexicons.IsNegation(lexicons, t)) negations++;
            if ((lexicons & WordLists.Refuting) != 0) refuting++;
            if ((lexicons & WordLists.Hedging) != 0) hedging++;
            context.Add(Key(Prefix(t)));
            if (!HasStem(t, lexicons)) continue;
            var stem = Stemmer.Stem(t, stemBuffer);
            ulong key = Key(stem);
            stemKeys.Add(key);
            antonyms |= PairFeatureExtractor.AntonymBitOf(stem);
            if (!((Lexicons.Of(stem) & (WordLists.Refuting | WordLists.Hedging)) != 0 || stem is "deny" or "later")) contentKeys.Add(key);
        }
        if (claim.Speaker is { Anonymous: false } s)
        {
            foreach (var w in Tokenizer.Tokenize(s.Name).Where(w => !Lexicons.Stop.Contains(w) && w.Length > 2).Select(Prefix).Distinct(StringComparer.Ordinal))
            {
                speakerKeys.Add(Key(w));
            }
        }
        foreach (var link in claim.Chain)
        {
            foreach (var w in Tokenizer.Enumerate(link.Name, tokenBuffer)) context.Add(Key(Prefix(w)));
        }
        foreach (var e in claim.Entities) entityKeys.Add(Key(e.Key));
        // Speaker words keep their order (distinct as words already); every other run is a key set.
        int stems = KeySet.SortDistinct(CollectionsMarshal.AsSpan(stemKeys)), content = KeySet.SortDistinct(CollectionsMarshal.AsSpan(contentKeys));
        int contextCount = KeySet.SortDistinct(CollectionsMarshal.AsSpan(context)), entities = KeySet.SortDistinct(CollectionsMarshal.AsSpan(entityKeys));
        var keys = new ulong[stems + content + speakerKeys.Count + contextCount + entities];
        int at = 0;
        Append(stemKeys, stems);
        Append(contentKeys, content);
        Append(speakerKeys, speakerKeys.Count);
        Append(context, contextCount);
        Append(entityKeys, entities);
        var starts = (stems, stems + content, stems + content + speakerKeys.Count, stems + content + speakerKeys.Count + contextCount);
        return new PreparedClaimText(claim.Text, keys, starts, antonyms, negations, refuting, hedging);

        void Append(List<ulong> run, int count)
        {
            CollectionsMarshal.AsSpan(run)[..count].CopyTo(keys.AsSpan(at));
            at += count;
        }
    }

    // The stems From keys, as strings: the same filter, so that SharedStems and Stems agree.
    private static HashSet<string> StemsOf(List<string> tokens)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (HasStem(t)) stems.Add(Stemmer.Stem(t));
        }
        return stems;
    }

    // Stop words, negations and single letters have no stem in a claim's set.
    private static bool HasStem(ReadOnlySpan<char> token) => HasStem(token, Lexicons.Of(token));

    private static bool HasStem(ReadOnlySpan<char> token, WordLists lexicons) =>
        !((lexicons & (WordLists.Stop | WordLists.Negating)) != 0 || token.Length < 2);

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> word) => word.Length <= 5 ? word : word[..5];

    private static string Prefix(string word) => word.Length <= 5 ? word : word[..5];
}
