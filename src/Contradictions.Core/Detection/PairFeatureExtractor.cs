using System.Collections.Frozen;
using System.Globalization;
using Contradictions.Core.Claims;
using Contradictions.Core.Stance;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>
/// Features of a candidate pair of claims for the contradiction model, and the human-readable cues behind
/// them. Directional features are computed both ways and combined symmetrically where the order should not
/// matter, so (A, B) and (B, A) score alike.
/// </summary>
public static class PairFeatureExtractor
{
    public static readonly string[] Names =
    [
        "ab_agree", "ab_disagree", "ab_discuss", "ba_agree", "ba_disagree", "ba_discuss",
        "jaccard", "containment", "shared_entities", "one_side_denied", "both_denied", "denial_coverage",
        "negation_asymmetry", "antonyms", "numeric_conflict", "shared_numbers", "date_conflict", "hedged_sides",
        "question_sides", "speaker_relation", "same_speaker", "days_apart", "dates_known", "same_outlet",
        "refuting_asymmetry", "hedging_asymmetry", "refuting_sides",
    ];

    public static int Count => Names.Length;

    /// <summary>Share of the reporting side's content a denial must cover to count as denying it.</summary>
    public const float DenialCoverage = 0.3f;

    private static readonly (string A, string B)[] AntonymWords =
    [
        ("support", "oppose"), ("support", "reject"), ("agree", "reject"), ("agree", "refuse"), ("accept", "reject"),
        ("accept", "refuse"), ("confirm", "deny"), ("true", "false"), ("increase", "decrease"), ("rise", "fall"),
        ("win", "lose"), ("allow", "ban"), ("lift", "impose"), ("ease", "tighten"), ("open", "close"),
        ("ready", "refuse"), ("recognize", "refuse"), ("recognise", "refuse"), ("alive", "dead"), ("guilty", "innocent"),
        ("success", "failure"), ("approve", "reject"), ("continue", "end"), ("join", "leave"), ("real", "fake"),
    ];

    private static readonly (string A, string B)[] Antonyms =
        AntonymWords.Select(p => (Stemmer.Stem(p.A), Stemmer.Stem(p.B))).ToArray();

    // Each antonym stem is one bit of a claim's mask (PreparedClaimText.AntonymMask), so testing every pair for every
    // candidate pair is a few bit operations instead of dozens of string-hash look-ups.
    private static readonly string[] AntonymStems = Antonyms.SelectMany(p => new[] { p.A, p.B }).Distinct(StringComparer.Ordinal).ToArray();
    private static readonly (ulong A, ulong B)[] AntonymBits =
        Antonyms.Select(p => (1UL << Array.IndexOf(AntonymStems, p.A), 1UL << Array.IndexOf(AntonymStems, p.B))).ToArray();

    private static readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> AntonymBitOfStem =
        AntonymStems.Select((stem, i) => (stem, bit: 1UL << i)).ToFrozenDictionary(x => x.stem, x => x.bit, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The bit of <paramref name="stem"/> if it is one of the antonym stems, else 0.</summary>
    internal static ulong AntonymBitOf(ReadOnlySpan<char> stem) => AntonymBitOfStem.TryGetValue(stem, out ulong bit) ? bit : 0;

    /// <summary>The features and the cues a reviewer reads (for pairs worth explaining).</summary>
    public static PairAnalysis Analyze(ClaimContext a, PreparedClaimText ta, ClaimContext b, PreparedClaimText tb,
        StanceProbabilities ab, StanceProbabilities ba)
    {
        var f = new float[Count];
        Compute(a, ta, b, tb, ab, ba, f);
        return new PairAnalysis(f, Cues(a, ta, b, tb, f), Kind(f));
    }

    /// <summary>
    /// The features alone, written into <paramref name="f"/> without allocating: the scan's hot path, run for every
    /// candidate pair; cues are built only for the pairs that become flags.
    /// </summary>
    public static void Compute(ClaimContext a, PreparedClaimText ta, ClaimContext b, PreparedClaimText tb,
        StanceProbabilities ab, StanceProbabilities ba, Span<float> f)
    {
        if (f.Length != Count) throw new ArgumentException($"expected {Count} features, got {f.Length}", nameof(f));
        int k = 0;
        // The stance model's related/unrelated judgement was learned on whole bodies (an unrelated body is another
        // story) and is erratic on two sentences: the denial of the "90%" report and the report itself come out
        // 99% unrelated. Candidates are already about one subject, so relatedness is left to the overlap features
        // and only the stance given relatedness is used.
        k = GivenRelated(ab, f, k);
        k = GivenRelated(ba, f, k);

        int shared = ta.SharedStems(tb);
        int union = ta.StemCount + tb.StemCount - shared;
        f[k++] = union == 0 ? 0 : shared / (float)union;
        f[k++] = Math.Min(ta.StemCount, tb.StemCount) == 0 ? 0 : shared / (float)Math.Min(ta.StemCount, tb.StemCount);
        f[k++] = ta.SharedEntities(tb);

        bool aDenied = a.Claim.Polarity == Polarity.Denied, bDenied = b.Claim.Polarity == Polarity.Denied;
        f[k++] = aDenied ^ bDenied ? 1 : 0;
        f[k++] = aDenied && bDenied ? 1 : 0;
        // A denial restates the proposition it denies, so coverage is measured on the denial's own content.
        f[k++] = aDenied ^ bDenied ? (aDenied ? ta.ContentCoveredBy(tb) : tb.ContentCoveredBy(ta)) : 0;

        bool negA = ta.Negations > 0, negB = tb.Negations > 0;
        f[k++] = negA != negB && !(aDenied ^ bDenied) ? 1 : 0;
        int antonyms = 0;
        for (int i = 0; i < AntonymBits.Length; i++) if (AntonymFires(ta.AntonymMask, tb.AntonymMask, AntonymBits[i])) antonyms++;
        f[k++] = antonyms;

        var (conflict, sharedNumbers) = Numbers(a.Claim, b.Claim);
        f[k++] = conflict ? 1 : 0;
        f[k++] = sharedNumbers;
        f[k++] = DatesConflict(a.Claim, b.Claim) ? 1 : 0;
        f[k++] = (a.Claim.Polarity == Polarity.Hedged ? 1 : 0) + (b.Claim.Polarity == Polarity.Hedged ? 1 : 0);
        f[k++] = (a.Claim.Polarity == Polarity.Question ? 1 : 0) + (b.Claim.Polarity == Polarity.Question ? 1 : 0);
        f[k++] = Math.Max(SpeakerRelation(tb, ta), SpeakerRelation(ta, tb));
        f[k++] = SameSpeaker(a.Claim, b.Claim) ? 1 : 0;
        if (a.Published is { } pa && b.Published is { } pb)
        {
            f[k++] = Math.Clamp(pb.DayNumber - pa.DayNumber, -30, 30);
            f[k++] = 1;
        }
        else
        {
            f[k++] = 0;
            f[k++] = 0;
        }
        f[k++] = a.Outlet is null || b.Outlet is null ? 0 : string.Equals(a.Outlet, b.Outlet, StringComparison.OrdinalIgnoreCase) ? 1 : -1;
        f[k++] = Math.Abs(ta.Refuting - tb.Refuting);
        f[k++] = Math.Abs(ta.Hedging - tb.Hedging);
        f[k++] = (ta.Refuting > 0 ? 1 : 0) + (tb.Refuting > 0 ? 1 : 0);
        if (k != Count) throw new InvalidOperationException($"computed {k} pair features but {Count} are named");
    }

    /// <summary>
    /// The features of the pair (b, a) from those of (a, b): the two stance directions trade places and the days
    /// apart change sign; every other feature is symmetric in the two sides. Lets a scorer judge both orders
    /// (its confidence must not depend on which claim was stored first) for the price of one feature computation.
    /// </summary>
    public static void Swap(ReadOnlySpan<float> f, Span<float> swapped)
    {
        if (f.Length != Count || swapped.Length != Count) throw new ArgumentException($"expected {Count} features");
        f.CopyTo(swapped);
        f.Slice(StanceBA, 3).CopyTo(swapped[StanceAB..]);
        f.Slice(StanceAB, 3).CopyTo(swapped.Slice(StanceBA, 3));
        swapped[At.DaysApart] = -f[At.DaysApart];
    }

    private const int StanceAB = 0, StanceBA = 3;

    /// <summary>The human-readable cues behind features already computed by <see cref="Compute"/>.</summary>
    public static List<string> Cues(ClaimContext a, PreparedClaimText ta, ClaimContext b, PreparedClaimText tb, ReadOnlySpan<float> f)
    {
        var cues = new List<string>();
        bool aDenied = a.Claim.Polarity == Polarity.Denied, bDenied = b.Claim.Polarity == Polarity.Denied;
        float coverage = f[At.DenialCoverage];
        if ((aDenied ^ bDenied) && coverage >= DenialCoverage)
        {
            var (denier, reporter) = aDenied ? ("A", "B") : ("B", "A");
            cues.Add(string.Create(CultureInfo.InvariantCulture, $"{denier} denies what {reporter} reports ({coverage:P0} of the denial's content words are in {reporter})"));
        }
        if (f[At.NegationAsymmetry] > 0) cues.Add($"negation asymmetry: only {(ta.Negations > 0 ? "A" : "B")} is negated");
        for (int i = 0; i < Antonyms.Length; i++)
        {
            if (AntonymFires(ta.AntonymMask, tb.AntonymMask, AntonymBits[i])) cues.Add($"antonyms: {Antonyms[i].A} ↔ {Antonyms[i].B}");
        }
        if (ConflictCue(a.Claim, b.Claim) is { } conflictCue) cues.Add(conflictCue);
        if (f[At.SharedNumbers] > 0) cues.Add($"both mention {string.Join(", ", SharedNumberTexts(a.Claim, b.Claim))}");
        if (f[At.SpeakerRelation] >= 0.99f && f[At.SameSpeaker] == 0)
        {
            cues.Add($"one side's speaker ({SpeakerName(b.Claim)} / {SpeakerName(a.Claim)}) is the body or person the other side's words are attributed to");
        }
        if (a.Published is { } pa && b.Published is { } pb && pb.DayNumber != pa.DayNumber)
        {
            int days = pb.DayNumber - pa.DayNumber;
            cues.Add(days > 0 ? $"B was published {days} day(s) after A" : $"A was published {-days} day(s) after B");
        }
        if ((ta.Refuting > 0) != (tb.Refuting > 0) && !(aDenied ^ bDenied)) cues.Add($"only {(ta.Refuting > 0 ? "A" : "B")} uses refuting words (fake, hoax, false, denied…)");
        return cues;
    }

    // One side has one word of the pair and the other side the other, neither both: symmetric in the two sides.
    private static bool AntonymFires(ulong a, ulong b, (ulong X, ulong Y) pair) =>
        ((a & pair.X) != 0 && (b & pair.Y) != 0 && (a & pair.Y) == 0 && (b & pair.X) == 0) ||
        ((a & pair.Y) != 0 && (b & pair.X) != 0 && (a & pair.X) == 0 && (b & pair.Y) == 0);

    // Indexed loops, not LINQ: this runs for every candidate pair and must not allocate.
    private static bool DatesConflict(Claim a, Claim b)
    {
        bool anyA = false, anyB = false;
        for (int i = 0; i < a.Dates.Count; i++)
        {
            if (a.Dates[i].Date is not { } da) continue;
            anyA = true;
            for (int j = 0; j < b.Dates.Count; j++) if (b.Dates[j].Date == da) return false;
        }
        for (int j = 0; j < b.Dates.Count && !anyB; j++) anyB = b.Dates[j].Date is not null;
        return anyA && anyB;
    }

    private static bool SameSpeaker(Claim a, Claim b) => a.Speaker is { } sa && b.Speaker is { } sb && sa.Key == sb.Key;

    /// <summary>The flag kind by the documented rules of <see cref="FlagKind"/>.</summary>
    public static FlagKind Kind(ReadOnlySpan<float> f)
    {
        if (f[At.OneSideDenied] > 0 && f[At.DenialCoverage] >= DenialCoverage) return FlagKind.Denial;
        if (f[At.NumericConflict] > 0 || f[At.Antonyms] > 0) return FlagKind.Factual;
        // "will not recognise" against "ready to recognise" from two different parties is a clash of positions;
        // the same negation asymmetry within one voice (or unattributed) is a factual conflict.
        if (f[At.NegationAsymmetry] > 0 && f[At.SameSpeaker] > 0) return FlagKind.Factual;
        return FlagKind.Position;
    }

    public static int Index(string name) => Array.IndexOf(Names, name);

    /// <summary>The position of <c>jaccard</c> (the pair's word overlap) in the features.</summary>
    public static readonly int JaccardIndex = Index("jaccard");

    // Positions read for every scored pair (its kind, its swap) and for every flag (its cues): looked up once, not by name.
    private static class At
    {
        public static readonly int DaysApart = Index("days_apart");
        public static readonly int DenialCoverage = Index("denial_coverage");
        public static readonly int NegationAsymmetry = Index("negation_asymmetry");
        public static readonly int SharedNumbers = Index("shared_numbers");
        public static readonly int SpeakerRelation = Index("speaker_relation");
        public static readonly int SameSpeaker = Index("same_speaker");
        public static readonly int OneSideDenied = Index("one_side_denied");
        public static readonly int NumericConflict = Index("numeric_conflict");
        public static readonly int Antonyms = Index("antonyms");
    }

    private static int GivenRelated(StanceProbabilities p, Span<float> f, int k)
    {
        float related = p.Agree + p.Disagree + p.Discuss;
        if (related < 1e-6f) { f[k] = f[k + 1] = f[k + 2] = 1 / 3f; return k + 3; }
        f[k] = p.Agree / related; f[k + 1] = p.Disagree / related; f[k + 2] = p.Discuss / related;
        return k + 3;
    }

    // Symmetric, so that the features of (b, a) are those of (a, b) rearranged (see Swap).
    private static (bool Conflict, int Shared) Numbers(Claim a, Claim b)
    {
        var (conflictAB, sharedAB) = NumbersOneWay(a, b);
        var (conflictBA, sharedBA) = NumbersOneWay(b, a);
        return (conflictAB || conflictBA, Math.Min(sharedAB, sharedBA));
    }

    private static (bool Conflict, int Shared) NumbersOneWay(Claim a, Claim b)
    {
        int shared = 0;
        bool conflict = false;
        for (int i = 0; i < a.Numbers.Count; i++)
        {
            var x = a.Numbers[i];
            if (SameValueIn(b.Numbers, x)) { shared++; continue; }
            if (!conflict && ConflictingIn(a, b, x) is not null) conflict = true;
        }
        return (conflict, shared);
    }

    private static string? ConflictCue(Claim a, Claim b)
    {
        foreach (var x in a.Numbers)
        {
            if (!SameValueIn(b.Numbers, x) && ConflictingIn(a, b, x) is { } other) return $"numbers differ: {x.Text} vs {other.Text}";
        }
        return null;
    }

    private static bool SameValueIn(IReadOnlyList<NumberMention> numbers, NumberMention x)
    {
        for (int j = 0; j < numbers.Count; j++) if (numbers[j].Unit == x.Unit && Math.Abs(numbers[j].Value - x.Value) < 1e-9) return true;
        return false;
    }

    // A different value of the same unit for the same quantity (when known) is a conflict.
    private static NumberMention? ConflictingIn(Claim a, Claim b, NumberMention x)
    {
        if (x.Unit is null) return null;
        for (int j = 0; j < b.Numbers.Count; j++)
        {
            var y = b.Numbers[j];
            if (y.Unit != x.Unit || (x.Quantifies is not null && y.Quantifies is not null && x.Quantifies != y.Quantifies)) continue;
            bool inA = false;
            for (int i = 0; i < a.Numbers.Count && !inA; i++) inA = Math.Abs(a.Numbers[i].Value - y.Value) < 1e-9;
            if (!inA) return y;
        }
        return null;
    }

    private static IEnumerable<string> SharedNumberTexts(Claim a, Claim b) =>
        a.Numbers.Where(x => b.Numbers.Any(y => y.Unit == x.Unit && Math.Abs(y.Value - x.Value) < 1e-9)).Select(x => x.Text).Distinct();

    // How much of the speaker's name appears in the other claim's text or chain (word prefixes prepared once per
    // claim): the Ministry of Defence vs its minister.
    private static float SpeakerRelation(PreparedClaimText speakerSide, PreparedClaimText other)
    {
        int words = speakerSide.SpeakerWords;
        return words == 0 ? 0 : speakerSide.SpeakerWordsIn(other) / (float)words;
    }

    private static string SpeakerName(Claim c) => c.Speaker?.Name ?? "unattributed";
}
