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

    public static PairAnalysis Analyze(ClaimContext a, PreparedClaimText ta, ClaimContext b, PreparedClaimText tb,
        StanceProbabilities ab, StanceProbabilities ba)
    {
        var f = new float[Count];
        var cues = new List<string>();
        int k = 0;
        // The stance model's related/unrelated judgement was learned on whole bodies (an unrelated body is another
        // story) and is erratic on two sentences: the denial of the "90%" report and the report itself come out
        // 99% unrelated. Candidates are already about one subject, so relatedness is left to the overlap features
        // and only the stance given relatedness is used.
        k = GivenRelated(ab, f, k);
        k = GivenRelated(ba, f, k);

        int shared = 0;
        foreach (var s in ta.Stems) if (tb.Stems.Contains(s)) shared++;
        int union = ta.Stems.Count + tb.Stems.Count - shared;
        f[k++] = union == 0 ? 0 : shared / (float)union;
        f[k++] = Math.Min(ta.Stems.Count, tb.Stems.Count) == 0 ? 0 : shared / (float)Math.Min(ta.Stems.Count, tb.Stems.Count);
        var entitiesA = a.Claim.Entities.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        int sharedEntities = b.Claim.Entities.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count(entitiesA.Contains);
        f[k++] = sharedEntities;

        bool aDenied = a.Claim.Polarity == Polarity.Denied, bDenied = b.Claim.Polarity == Polarity.Denied;
        f[k++] = aDenied ^ bDenied ? 1 : 0;
        f[k++] = aDenied && bDenied ? 1 : 0;
        float coverage = 0;
        if (aDenied ^ bDenied)
        {
            // A denial restates the proposition it denies, so coverage is measured on the denial's own content.
            var (denial, report) = aDenied ? (ta, tb) : (tb, ta);
            int content = 0, covered = 0;
            foreach (var stem in denial.Stems)
            {
                if (Lexicons.Refuting.Contains(stem) || Lexicons.Hedging.Contains(stem) || stem is "deny" or "later") continue;
                content++;
                if (report.Stems.Contains(stem)) covered++;
            }
            coverage = content == 0 ? 0 : covered / (float)content;
            if (coverage >= DenialCoverage)
            {
                var (denier, reporter) = aDenied ? ("A", "B") : ("B", "A");
                cues.Add(string.Create(CultureInfo.InvariantCulture, $"{denier} denies what {reporter} reports ({coverage:P0} of the denial's content words are in {reporter})"));
            }
        }
        f[k++] = coverage;

        bool negA = ta.Negations > 0, negB = tb.Negations > 0;
        f[k++] = negA != negB && !(aDenied ^ bDenied) ? 1 : 0;
        if (f[k - 1] > 0) cues.Add($"negation asymmetry: only {(negA ? "A" : "B")} is negated");

        int antonyms = 0;
        foreach (var (x, y) in Antonyms)
        {
            if ((ta.Stems.Contains(x) && tb.Stems.Contains(y) && !ta.Stems.Contains(y)) ||
                (ta.Stems.Contains(y) && tb.Stems.Contains(x) && !ta.Stems.Contains(x)))
            {
                antonyms++;
                cues.Add($"antonyms: {x} ↔ {y}");
            }
        }
        f[k++] = antonyms;

        var (conflict, sharedNumbers, conflictCue) = Numbers(a.Claim, b.Claim);
        f[k++] = conflict ? 1 : 0;
        f[k++] = sharedNumbers;
        if (conflictCue is not null) cues.Add(conflictCue);
        if (sharedNumbers > 0) cues.Add($"both mention {string.Join(", ", SharedNumberTexts(a.Claim, b.Claim))}");

        var datesA = a.Claim.Dates.Where(d => d.Date is not null).Select(d => d.Date!.Value).ToHashSet();
        var datesB = b.Claim.Dates.Where(d => d.Date is not null).Select(d => d.Date!.Value).ToHashSet();
        f[k++] = datesA.Count > 0 && datesB.Count > 0 && !datesA.Overlaps(datesB) ? 1 : 0;
        f[k++] = (a.Claim.Polarity == Polarity.Hedged ? 1 : 0) + (b.Claim.Polarity == Polarity.Hedged ? 1 : 0);
        f[k++] = (a.Claim.Polarity == Polarity.Question ? 1 : 0) + (b.Claim.Polarity == Polarity.Question ? 1 : 0);

        float relation = Math.Max(SpeakerRelation(b.Claim, a.Claim, ta), SpeakerRelation(a.Claim, b.Claim, tb));
        f[k++] = relation;
        bool sameSpeaker = a.Claim.Speaker is { } sa && b.Claim.Speaker is { } sb && sa.Key == sb.Key;
        f[k++] = sameSpeaker ? 1 : 0;
        if (relation >= 0.99f && !sameSpeaker)
        {
            cues.Add($"one side's speaker ({SpeakerName(b.Claim)} / {SpeakerName(a.Claim)}) is the body or person the other side's words are attributed to");
        }

        if (a.Published is { } pa && b.Published is { } pb)
        {
            int days = pb.DayNumber - pa.DayNumber;
            f[k++] = Math.Clamp(days, -30, 30);
            f[k++] = 1;
            if (days != 0) cues.Add(days > 0 ? $"B was published {days} day(s) after A" : $"A was published {-days} day(s) after B");
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
        if ((ta.Refuting > 0) != (tb.Refuting > 0) && !(aDenied ^ bDenied)) cues.Add($"only {(ta.Refuting > 0 ? "A" : "B")} uses refuting words (fake, hoax, false, denied…)");
        if (k != Count) throw new InvalidOperationException($"computed {k} pair features but {Count} are named");
        return new PairAnalysis(f, cues, Kind(f));
    }

    /// <summary>The flag kind by the documented rules of <see cref="FlagKind"/>.</summary>
    public static FlagKind Kind(ReadOnlySpan<float> f)
    {
        if (f[Index("one_side_denied")] > 0 && f[Index("denial_coverage")] >= DenialCoverage) return FlagKind.Denial;
        if (f[Index("numeric_conflict")] > 0 || f[Index("antonyms")] > 0) return FlagKind.Factual;
        // "will not recognise" against "ready to recognise" from two different parties is a clash of positions;
        // the same negation asymmetry within one voice (or unattributed) is a factual conflict.
        if (f[Index("negation_asymmetry")] > 0 && f[Index("same_speaker")] > 0) return FlagKind.Factual;
        return FlagKind.Position;
    }

    public static int Index(string name) => Array.IndexOf(Names, name);

    private static int GivenRelated(StanceProbabilities p, float[] f, int k)
    {
        float related = p.Agree + p.Disagree + p.Discuss;
        if (related < 1e-6f) { f[k] = f[k + 1] = f[k + 2] = 1 / 3f; return k + 3; }
        f[k] = p.Agree / related; f[k + 1] = p.Disagree / related; f[k + 2] = p.Discuss / related;
        return k + 3;
    }

    private static (bool Conflict, int Shared, string? Cue) Numbers(Claim a, Claim b)
    {
        int shared = 0;
        string? cue = null;
        bool conflict = false;
        foreach (var x in a.Numbers)
        {
            bool sameValue = b.Numbers.Any(y => y.Unit == x.Unit && Math.Abs(y.Value - x.Value) < 1e-9);
            if (sameValue) { shared++; continue; }
            // A different value of the same unit for the same quantity (when known) is a conflict.
            var other = b.Numbers.FirstOrDefault(y => y.Unit is not null && y.Unit == x.Unit
                && (x.Quantifies is null || y.Quantifies is null || x.Quantifies == y.Quantifies)
                && !a.Numbers.Any(z => Math.Abs(z.Value - y.Value) < 1e-9));
            if (other is not null && x.Unit is not null)
            {
                conflict = true;
                cue ??= $"numbers differ: {x.Text} vs {other.Text}";
            }
        }
        return (conflict, shared, cue);
    }

    private static IEnumerable<string> SharedNumberTexts(Claim a, Claim b) =>
        a.Numbers.Where(x => b.Numbers.Any(y => y.Unit == x.Unit && Math.Abs(y.Value - x.Value) < 1e-9)).Select(x => x.Text).Distinct();

    // How much of the speaker's name (its content words, by 5-letter prefix so "Ukrainian"/"Ukraine" and
    // "Ministry"/"Minister" meet) appears in the other claim's text or chain: the Ministry of Defence vs its minister.
    private static float SpeakerRelation(Claim speakerSide, Claim other, PreparedClaimText otherText)
    {
        if (speakerSide.Speaker is not { } speaker || speaker.Anonymous) return 0;
        var words = Tokenizer.Tokenize(speaker.Name).Where(w => !Lexicons.Stop.Contains(w) && w.Length > 2).Select(Prefix).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0) return 0;
        var context = otherText.Tokens.Select(Prefix).ToHashSet(StringComparer.Ordinal);
        foreach (var link in other.Chain)
        {
            foreach (var w in Tokenizer.Tokenize(link.Name)) context.Add(Prefix(w));
        }
        return words.Count(context.Contains) / (float)words.Count;
    }

    private static string Prefix(string word) => word.Length <= 5 ? word : word[..5];

    private static string SpeakerName(Claim c) => c.Speaker?.Name ?? "unattributed";
}
