using System.Globalization;
using System.Text.RegularExpressions;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Text;
using Contradictions.ML.Data;

namespace Contradictions.ML.Detection;

/// <summary>
/// Rewritten sentence pairs from FNC-1 bodies, for the patterns the corpus has too few of to learn from (about
/// a hundred denials cover what another sentence says; the seed case is one). From an asserted body sentence S:
/// a denial of S by the party S quotes, or by one it names, is a contradiction; a negated S and S with one of
/// its numbers changed are contradictions. Counterparts teach what is not: a confirmation of S, a denial of a
/// different sentence of the same body (same story, other proposition), and the denial against a report of that
/// same denial (both sides say it was denied). Every rewrite is read back through <see cref="ClaimExtractor"/>, so
/// polarity, speaker and numbers come from the same code a scan runs. These pairs are labelled by construction;
/// calibration is reported separately on real pairs.
/// </summary>
public static partial class SyntheticPairDerivation
{
    private static readonly string[] DenialTemplates =
    [
        "{0} denied that {1}.", "{0} later denied that {1}.", "{0} has denied reports that {1}.", "{0} rejected claims that {1}.",
        "{0} dismissed reports that {1}.", "{0} on Tuesday denied that {1}.", "{0} later denied that {1}, calling the report false.",
    ];

    private static readonly string[] ConfirmTemplates =
    [
        "{0} confirmed that {1}.", "{0} said that {1}.", "{0} later confirmed reports that {1}.", "{0} told reporters that {1}.",
    ];

    private static readonly string[] Auxiliaries = ["is", "are", "was", "were", "will", "has", "have", "had", "can", "could", "would", "should", "did", "does", "do"];

    public static IReadOnlyList<DerivedPair> Derive(IEnumerable<LabeledPair> pairs, int seed, int sentencesPerBody = 2)
    {
        var bodies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs) bodies.TryAdd(p.PassageId, p.Passage);
        var perBody = new List<DerivedPair>[bodies.Count];
        var items = bodies.ToArray();
        Parallel.For(0, items.Length, i => perBody[i] = FromBody(items[i].Key, items[i].Value, seed ^ i, sentencesPerBody));
        return perBody.SelectMany(x => x).ToList();
    }

    private static List<DerivedPair> FromBody(string bodyId, string body, int seed, int sentencesPerBody)
    {
        var random = new Random(seed);
        var claims = ClaimExtractor.Extract(ArticleFactory.Create(bodyId, body));
        var asserted = claims.Where(c => c.Polarity == Polarity.Asserted && !c.IsHeadline && Clause(c.Text) is { Length: > 40 and < 260 }).ToList();
        var result = new List<DerivedPair>();
        string group = "synthetic:" + bodyId;
        int n = 0;
        foreach (var s in asserted.OrderBy(_ => random.Next()).Take(sentencesPerBody))
        {
            var clause = Clause(s.Text)!;
            var denier = Denier(s, random);
            var source = Context(bodyId, n++, s);
            void Add(string text, bool contradiction, ClaimContext? against = null)
            {
                var claim = ClaimExtractor.Extract(ArticleFactory.Create("synthetic", text)).FirstOrDefault();
                if (claim is not null) result.Add(new DerivedPair(against ?? source, Context(bodyId, n++, claim), contradiction, group, Synthetic: true));
            }
            var vocabulary = claims.Where(c => c != s).SelectMany(c => c.Text.Split(' ')).Where(w => w.Length > 3 && w.All(char.IsLetter)).ToArray();
            string denial = Format(DenialTemplates[random.Next(DenialTemplates.Length)], denier, Paraphrase(Truncate(clause, random), vocabulary, random));
            Add(denial, true);
            Add(Format(ConfirmTemplates[random.Next(ConfirmTemplates.Length)], denier, Truncate(clause, random)), false);
            if (!Tokenizer.Tokenize(clause).Any(Lexicons.IsNegation) && Negate(clause) is { } negated) Add(Capitalise(negated) + ".", true);
            if (ChangeNumber(s, clause, random) is { } changed) Add(Capitalise(changed) + ".", true);
            // Hard negatives: a denial of the body's other sentences closest to S (same story and names, another
            // proposition) does not contradict S.
            var words = Words(s.Text);
            foreach (var other in claims.Where(o => o != s && Clause(o.Text) is not null)
                .Select(o => (Claim: o, Overlap: SentencePairDerivation.Overlap(words, Words(o.Text)))).Where(o => o.Overlap < 0.6)
                .OrderByDescending(o => o.Overlap).ThenBy(o => o.Claim.Ordinal).Take(2))
            {
                Add(Format(DenialTemplates[random.Next(DenialTemplates.Length)], denier, Truncate(Clause(other.Claim.Text)!, random)), false);
            }
            var denialClaim = ClaimExtractor.Extract(ArticleFactory.Create("synthetic", denial)).FirstOrDefault();
            if (denialClaim is not null) Add($"The newspaper reported that {denier} had denied that {clause}.", false, Context(bodyId, n++, denialClaim));
        }
        return result;
    }

    /// <summary>
    /// A denial of <paramref name="denied"/> (in another outlet's words) by the party it quotes or names, paired
    /// with <paramref name="report"/>: a contradiction when both sentences report the same fact.
    /// </summary>
    internal static DerivedPair? DenialAgainst(Claim report, Claim denied, bool contradiction, string group, Random random)
    {
        if (Clause(denied.Text) is not { Length: > 20 } clause) return null;
        var text = Format(DenialTemplates[random.Next(DenialTemplates.Length)], Denier(denied, random), Truncate(clause, random));
        var claim = ClaimExtractor.Extract(ArticleFactory.Create("synthetic", text)).FirstOrDefault();
        return claim is null ? null : new DerivedPair(Context(group, 0, report), Context(group, 1, claim), contradiction, group, Synthetic: true);
    }

    private static HashSet<string> Words(string text) =>
        Tokenizer.Tokenize(text).Where(t => t.Length > 2 && !Lexicons.Stop.Contains(t)).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private static ClaimContext Context(string bodyId, int n, Claim claim) => new(-1, $"synthetic:{bodyId}:{n}", null, null, claim);

    private static string Format(string template, string denier, string clause) =>
        Capitalise(string.Format(CultureInfo.InvariantCulture, template, denier, clause));

    // The party whose words S reports (as in "the ministry denied what its minister was said to have said"), else
    // an organisation or person S names, else an anonymous official.
    private static string Denier(Claim s, Random random)
    {
        if (s.Speaker is { Anonymous: false } speaker && random.Next(4) > 0) return speaker.Name;
        var named = s.Entities.Select(e => e.Name).Where(t => t.Length > 2).ToArray();
        if (named.Length > 0 && random.Next(3) > 0) return named[random.Next(named.Length)];
        return random.Next(2) == 0 ? "Officials" : "A spokesman";
    }

    /// <summary>The reported content of a sentence, without its attribution.</summary>
    internal static string? Clause(string text)
    {
        var t = text.Trim().TrimEnd('.', '!', '?', '"', '”').Trim();
        t = AccordingTo().Replace(t, "");
        t = TrailingSaid().Replace(t, "");
        t = LeadingSaid().Replace(t, "");
        var that = SaidThat().Match(t);
        if (that.Success && that.Index < t.Length / 2) t = t[(that.Index + that.Length)..];
        t = t.Trim(' ', ',', '"', '“', '”');
        if (t.Length == 0 || t.Contains('?')) return null;
        return char.ToLowerInvariant(t[0]) + t[1..];
    }

    // Real denials restate only the core of what they deny ("denied that Kyiv had 90% agreed"), so most rewrites
    // keep a window of 35-80% of the clause: the model must learn coverage, not near-identity.
    private static string Truncate(string clause, Random random)
    {
        var words = clause.Split(' ');
        if (words.Length < 8 || random.Next(3) == 0) return clause;
        int keep = Math.Max(5, (int)(words.Length * (0.35 + 0.45 * random.NextDouble())));
        int start = random.Next(0, Math.Max(1, (words.Length - keep) / 2 + 1));
        return string.Join(' ', words.Skip(start).Take(keep)).Trim(',', ';', ':', ' ');
    }

    // A denial words the claim its own way ("agreed" for "supports", "US" for "American"): swap up to 30% of the
    // longer words for words from elsewhere in the body, so denial coverage spans what real denials show.
    private static string Paraphrase(string clause, string[] vocabulary, Random random)
    {
        if (vocabulary.Length == 0) return clause;
        double rate = 0.3 * random.NextDouble();
        var words = clause.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].Length > 3 && random.NextDouble() < rate) words[i] = vocabulary[random.Next(vocabulary.Length)].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }

    private static string? Negate(string clause)
    {
        var words = clause.Split(' ');
        for (int i = 1; i < words.Length - 1; i++)
        {
            if (Array.IndexOf(Auxiliaries, words[i].ToLowerInvariant()) >= 0 && words[i + 1] is not ("not" or "never" or "no"))
            {
                return string.Join(' ', words.Take(i + 1).Append("not").Concat(words.Skip(i + 1)));
            }
        }
        return null;
    }

    private static string? ChangeNumber(Claim s, string clause, Random random)
    {
        var number = s.Numbers.FirstOrDefault(x => x.Unit is not null && x.Value > 1 && clause.Contains(x.Text, StringComparison.Ordinal));
        if (number is null) return null;
        var digits = Digits().Match(number.Text);
        if (!digits.Success) return null;
        double factor = random.Next(2) == 0 ? 0.5 : 2.5;
        var value = Math.Round(number.Value * factor).ToString(CultureInfo.InvariantCulture);
        var replaced = number.Text[..digits.Index] + value + number.Text[(digits.Index + digits.Length)..];
        return clause.Replace(number.Text, replaced, StringComparison.Ordinal);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^(according to [^,]{2,80}, )", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@",? (he|she|they|it|(the |a |an )?[\w.'’-]+( [\w.'’-]+){0,3}) (said|says|told [\w ]{1,30}|added)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingSaid();

    [GeneratedRegex(@"^(the |a |an )?[\w’'.-]+( [\w’'.-]+){0,3} ((said|says|added|reported|claimed|announced)( that)?|told [\w ]{1,30}? that) ")]
    private static partial Regex LeadingSaid();

    [GeneratedRegex(@"\b(said|says|told [\w ]{1,40}?|reported|claimed|announced) that ")]
    private static partial Regex SaidThat();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Digits();
}
