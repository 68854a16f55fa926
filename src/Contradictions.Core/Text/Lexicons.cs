using System.Collections.Frozen;

namespace Contradictions.Core.Text;

/// <summary>
/// Cue-word lists shared by the stance features and claim polarity. Built from the FNC-1 baseline's refuting
/// list and the hedging lists of Athene/UCLMR, extended with inflections seen in news wording.
/// </summary>
public static class Lexicons
{
    /// <summary>Words that refute or discredit a claim ("hoax", "denied", "debunked").</summary>
    public static FrozenSet<string> Refuting { get; } = Set(
        "fake", "fakes", "fraud", "hoax", "hoaxes", "false", "falsely", "deny", "denies", "denied", "denying", "denial",
        "refute", "refutes", "refuted", "not", "despite", "nope", "doubt", "doubts", "bogus", "debunk", "debunked",
        "debunks", "prank", "pranks", "retract", "retracted", "retraction", "untrue", "misleading", "fabricated",
        "fabrication", "baseless", "unfounded", "nonsense", "myth", "lie", "lies", "lying", "satire", "satirical",
        "incorrect", "wrong", "dismissed", "dismisses", "rejects", "rejected", "disputed", "disputes", "contrary",
        "never", "photoshopped", "doctored", "spoof", "parody", "rumour", "rumor");

    /// <summary>Words that report without committing ("reportedly", "alleged", "may").</summary>
    public static FrozenSet<string> Hedging { get; } = Set(
        "alleged", "allegedly", "apparently", "appear", "appears", "appeared", "claim", "claims", "claimed", "could",
        "may", "might", "possibly", "possible", "purportedly", "purported", "reportedly", "reported", "reports",
        "rumored", "rumoured", "rumors", "rumours", "suggest", "suggests", "suggested", "unconfirmed", "unverified",
        "supposedly", "speculation", "speculated", "according", "believed", "likely", "unclear", "whether", "if",
        "perhaps", "seems", "seem", "suspected", "thought");

    /// <summary>Words that mark a claim as confirmed or established.</summary>
    public static FrozenSet<string> Affirming { get; } = Set(
        "confirmed", "confirms", "confirm", "confirming", "announced", "announces", "revealed", "reveals", "official",
        "officially", "indeed", "true", "verified", "proves", "proved", "proof", "admitted", "admits", "acknowledged",
        "acknowledges", "actually", "evidence", "shows", "showed", "authentic", "genuine");

    /// <summary>Grammatical negators.</summary>
    public static FrozenSet<string> Negating { get; } = Set(
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "can't", "won't",
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
        "shouldn't", "wouldn't", "couldn't", "nowhere");

    /// <summary>Function words ignored by overlap features (scikit-learn's English list, trimmed of negators).</summary>
    public static FrozenSet<string> Stop { get; } = Set(
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "did", "do", "does", "doing",
        "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "i", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
        "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "s", "also", "can",
        "been", "its", "one", "two", "new", "like", "mr", "ms", "mrs");

    public static bool IsNegation(string token) => Negating.Contains(token) || token.EndsWith("n't", StringComparison.Ordinal);

    public static bool IsNegation(ReadOnlySpan<char> token) => IsNegation(Of(token), token);

    /// <summary><see cref="IsNegation(ReadOnlySpan{char})"/> for a token whose <see cref="Of"/> is already known.</summary>
    public static bool IsNegation(WordLists lexicons, ReadOnlySpan<char> token) =>
        (lexicons & WordLists.Negating) != 0 || token.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>
    /// Every list <paramref name="word"/> is in, from one look-up: claim preparation and the stance features ask
    /// four or five lists about each token of every claim.
    /// </summary>
    public static WordLists Of(ReadOnlySpan<char> word) => Memberships.TryGetValue(word, out var lists) ? lists : WordLists.None;

    private static readonly FrozenDictionary<string, WordLists>.AlternateLookup<ReadOnlySpan<char>> Memberships = BuildMemberships();

    private static FrozenDictionary<string, WordLists>.AlternateLookup<ReadOnlySpan<char>> BuildMemberships()
    {
        var all = new Dictionary<string, WordLists>(StringComparer.Ordinal);
        foreach (var (words, list) in new[] { (Refuting, WordLists.Refuting), (Hedging, WordLists.Hedging), (Affirming, WordLists.Affirming), (Negating, WordLists.Negating), (Stop, WordLists.Stop) })
        {
            foreach (var w in words) all[w] = all.GetValueOrDefault(w) | list;
        }
        return all.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>The cue-word lists of <see cref="Lexicons"/> a word belongs to.</summary>
[Flags]
public enum WordLists : byte
{
    None = 0,
    Refuting = 1,
    Hedging = 2,
    Affirming = 4,
    Negating = 8,
    Stop = 16,
}
