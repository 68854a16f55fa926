using System.Text.RegularExpressions;
using Contradictions.Core.Articles;
using Contradictions.Core.Text;

namespace Contradictions.Core.Claims;

/// <summary>
/// Turns an article into claims: one candidate per sentence of the cleaned body (headings, residue and fragments
/// skipped; the headline kept). Each claim's chain starts with the article's outlet when known, then the sources
/// the sentence names from outer to inner. A credit sentence such as "Reuters reports this, citing sources."
/// is not a claim: it attributes the sentence before it (typically the headline).
/// </summary>
public static partial class ClaimExtractor
{
    public static IReadOnlyList<Claim> Extract(Article article)
    {
        var cleaned = Cleaner.Clean(article.Text);
        var text = cleaned.Text;
        var spans = new List<TextSpan>(64);
        SentenceSplitter.Split(text, spans);

        AttributionLink? outlet = null;
        if (!string.IsNullOrWhiteSpace(article.Outlet))
        {
            outlet = new AttributionLink(article.Outlet, LinkKind.Outlet, false, EntityNormalizer.Key(article.Outlet));
        }
        var ctx = new CoreferenceContext(outlet);
        var claims = new List<Claim>(spans.Count);
        var tokens = new List<Token>(64);
        var attribution = new SentenceAttribution();
        var raws = new List<RawSource>(4);
        var chain = new List<AttributionLink>(4);
        bool inQuote = false;
        // Claims inside a quotation that runs over several sentences wait for the attribution at its end.
        var openQuoteClaims = new List<int>();
        var entities = new List<EntityMention>();

        for (int idx = 0; idx < spans.Count; idx++)
        {
            var span = spans[idx];
            var sentence = text.Substring(span.Start, span.Length);

            var meta = MayBeMeta(sentence) ? MetaSentence().Match(sentence) : Match.Empty;
            if (meta.Success)
            {
                chain.Clear();
                if (outlet is not null) chain.Add(outlet);
                AddResolved(meta.Groups["x"].Value, ctx, raws, chain);
                if (meta.Groups["y"].Success) AddResolved(meta.Groups["y"].Value, ctx, raws, chain);
                if (claims.Count > 0 && claims[^1].Chain.Count <= (outlet is null ? 0 : 1))
                {
                    claims[^1] = claims[^1] with { Chain = Dedupe(chain), Verb = meta.Groups["y"].Success ? "citing" : "reported" };
                }
                continue;
            }

            bool startsInQuote = inQuote;
            SentenceTokens.Tokenize(sentence, tokens, ref inQuote);
            if (EndsLine(text, span.End)) inQuote = false;
            bool headline = claims.Count == 0 && idx == 0;
            if (!headline && IsFragment(sentence, tokens)) continue;

            entities.Clear();
            EntityExtractor.Extract(sentence, tokens, ctx.Surnames, entities);
            AttributionParser.Parse(sentence, tokens, attribution);

            chain.Clear();
            if (outlet is not null) chain.Add(outlet);
            foreach (var phrase in attribution.Phrases) AddResolved(phrase, ctx, raws, chain);

            if (attribution.Phrases.Count > 0 && startsInQuote && openQuoteClaims.Count > 0)
            {
                var carried = Dedupe(chain);
                foreach (var k in openQuoteClaims) claims[k] = claims[k] with { Chain = carried, Verb = attribution.Verb };
            }
            // The rest of a quotation opened (and attributed) in the previous sentence: same speaker.
            if (startsInQuote && attribution.Phrases.Count == 0 && openQuoteClaims.Count == 0 && claims.Count > 0 && !claims[^1].IsHeadline
                && claims[^1].Chain.Count > (outlet is null ? 0 : 1))
            {
                chain.Clear();
                chain.AddRange(claims[^1].Chain);
                attribution.Verb = claims[^1].Verb;
            }
            if (!startsInQuote || attribution.Phrases.Count > 0) openQuoteClaims.Clear();
            if (inQuote && attribution.Phrases.Count == 0) openQuoteClaims.Add(claims.Count);

            var originalSpan = cleaned.ToOriginal(span);
            claims.Add(new Claim(
                claims.Count,
                sentence,
                originalSpan,
                Dedupe(chain),
                attribution.Verb,
                PolarityOf(sentence, tokens, attribution),
                // Arrays, not the lists they were built in (the shared empty array when empty): a scan keeps every
                // claim to its end, and four list objects a claim were that many more for the collector to copy.
                Compact(Quotes(sentence, tokens, span.Start, cleaned)),
                Compact(NumberExtractor.Extract(sentence)),
                Compact(DateExtractor.Extract(sentence, article.Published)),
                Compact(entities),
                headline));
        }
        return claims;
    }

    // A quotation never stays open across a paragraph break: multi-paragraph quotes reopen with a quote mark,
    // and an unbalanced mark must not swallow the rest of the article.
    private static bool EndsLine(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private static void AddResolved(string phrase, CoreferenceContext ctx, List<RawSource> raws, List<AttributionLink> chain)
    {
        raws.Clear();
        SourceClassifier.Classify(phrase.Trim().TrimEnd('.', ','), raws);
        foreach (var raw in raws) chain.Add(ctx.Resolve(raw));
    }

    private static T[] Compact<T>(List<T> list) => list.Count == 0 ? [] : list.ToArray();

    private static AttributionLink[] Dedupe(List<AttributionLink> chain)
    {
        var result = new List<AttributionLink>(chain.Count);
        foreach (var link in chain)
        {
            if (result.Count > 0 && result[^1].Key == link.Key) continue;
            result.Add(link);
        }
        return result.ToArray();
    }

    private static Polarity PolarityOf(string sentence, List<Token> tokens, SentenceAttribution a)
    {
        var trimmed = sentence.AsSpan().TrimEnd().TrimEnd("\"”’ʼ')");
        if (trimmed.EndsWith("?")) return Polarity.Question;
        if (a.NegatedVerb) return Polarity.Hedged;
        if (a.VerbPolarity is Polarity p) return p;
        var hedges = Lexicon.Hedges.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) continue;
            var w = sentence.AsSpan(t.Start, t.Length);
            if (i > 0 && w is "May") continue; // the month
            if (hedges.Contains(w)) return Polarity.Hedged;
        }
        return Polarity.Asserted;
    }

    private static List<QuoteSpan> Quotes(string sentence, List<Token> tokens, int sentenceStart, CleanedText cleaned)
    {
        var quotes = new List<QuoteSpan>();
        int open = -1;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.OpenQuote) open = t.End;
            else if (t.Kind == TokenKind.CloseQuote && open >= 0)
            {
                if (t.Start > open)
                {
                    var original = cleaned.ToOriginal(new TextSpan(sentenceStart + open, t.Start - open));
                    quotes.Add(new QuoteSpan(sentence[open..t.Start], original));
                }
                open = -1;
            }
        }
        return quotes;
    }

    /// <summary>Headings, labels and scraps: too few words, or Title Case with no sentence punctuation.</summary>
    private static bool IsFragment(string sentence, List<Token> tokens)
    {
        int words = 0, capitalised = 0, longWords = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            words++;
            if (t.Length > 3)
            {
                longWords++;
                if (char.IsUpper(sentence[t.Start])) capitalised++;
            }
        }
        if (words < 4) return true;
        char last = sentence[^1];
        bool punctuated = last is '.' or '!' or '?' or '"' or '”' or '’' or ')' or '…';
        return !punctuated && longWords > 0 && capitalised * 5 >= longWords * 4;
    }

    // Every match of MetaSentence holds one of these, as it spells them (it tells case): its verb and what follows. Checking
    // first skips the pattern, whose lazy subject it tries at up to 59 lengths, for nearly every sentence.
    private static readonly System.Buffers.SearchValues<string> MetaCues = System.Buffers.SearchValues.Create(
        [.. new[] { "reports", "reported", "writes", "wrote", "says", "said", "informs", "informed" }
            .SelectMany(verb => new[] { verb + " this", verb + " so", verb + " about" }),
         "reported by", "written by", "stated by", "said by"],
        StringComparison.Ordinal);

    /// <summary>False only when <see cref="MetaSentence"/> cannot match <paramref name="sentence"/>.</summary>
    internal static bool MayBeMeta(ReadOnlySpan<char> sentence) => sentence.ContainsAny(MetaCues);

    /// <summary>Whether the meta-sentence pattern matches, without the cue check (for tests of <see cref="MayBeMeta"/>).</summary>
    internal static bool MetaPatternMatches(string sentence) => MetaSentence().IsMatch(sentence);

    [GeneratedRegex(@"^(?:(?:This|It) (?:is|was|has been) (?:reported|written|stated|said) by (?:the )?(?<x>[^,]{2,80}?)|(?<x>[^,]{2,60}?) (?:reports|reported|writes|wrote|says|said|informs|informed) (?:this|so|about (?:this|it)))(?:,? citing (?<y>[^,.]{2,120}))?\.?$", RegexOptions.ExplicitCapture)]
    private static partial Regex MetaSentence();
}
