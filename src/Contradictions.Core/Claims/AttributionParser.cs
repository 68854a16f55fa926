namespace Contradictions.Core.Claims;

/// <summary>Sources of one sentence from outer to inner, before coreference, with the reporting verb.</summary>
internal sealed class SentenceAttribution
{
    public List<string> Phrases { get; } = new(4);

    public string? Verb { get; set; }

    public Polarity? VerbPolarity { get; set; }

    public bool NegatedVerb { get; set; }

    public void Clear()
    {
        Phrases.Clear();
        Verb = null;
        VerbPolarity = null;
        NegatedVerb = false;
    }
}

/// <summary>
/// Rule-based attribution over tokens. Recognises, outside quotation marks:
/// "according to X" (outer), "X said/told/reported/denied … (that)", inverted "…, said X", trailing "…, X said",
/// "X, citing Y, reported", "X reported, citing Y", "Z was quoted by X as saying", and "X told &lt;outlet&gt;".
/// A subject must start a clause (sentence start, after a comma, quote or colon) so that verbs embedded in the
/// content ("…days after Trump warned that…") do not steal the attribution.
/// </summary>
internal static class AttributionParser
{
    private static readonly HashSet<string> NounReaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "these", "those", "such", "media", "news", "earlier", "recent", "unconfirmed", "press", "initial", "latest", "this", "that", "of", "and",
    };

    public static void Parse(string s, List<Token> t, SentenceAttribution result)
    {
        result.Clear();
        Span<bool> used = t.Count <= 512 ? stackalloc bool[t.Count] : new bool[t.Count];

        string? according = null;
        int clauseStart = 0;
        for (int i = 0; i + 2 < t.Count; i++)
        {
            if (!t[i].InQuote && SentenceTokens.Is(s, t[i], "according") && SentenceTokens.Is(s, t[i + 1], "to"))
            {
                int end = PhraseEnd(s, t, i + 2);
                according = Join(s, t, i + 2, end);
                for (int k = i; k < end; k++) used[k] = true;
                if (i == 0 && end < t.Count && IsComma(s, t[end])) clauseStart = end + 1;
                break;
            }
        }

        string? citing = null;
        for (int i = 0; i + 1 < t.Count; i++)
        {
            if (!t[i].InQuote && !used[i] && SentenceTokens.Is(s, t[i], "citing"))
            {
                int end = PhraseEnd(s, t, i + 1);
                var phrase = Join(s, t, i + 1, end);
                if (!ValidHead(phrase)) break; // "citing other priorities": a reason, not a source
                citing = phrase;
                for (int k = i; k < end; k++) used[k] = true;
                break;
            }
        }

        string? subject = null;
        string? toldOutlet = null;
        string? quotedBy = null;
        int subjectVerb = -1;
        for (int v = 0; v < t.Count && subject is null; v++)
        {
            var tok = t[v];
            if (tok.InQuote || used[v] || tok.Kind != TokenKind.Word) continue;

            // "Z was quoted by X as saying": X outer, Z inner.
            if (SentenceTokens.Is(s, tok, "quoted") && v + 1 < t.Count && SentenceTokens.Is(s, t[v + 1], "by") && v > 0)
            {
                var z = WalkBack(s, t, v - 1, clauseStart, used, out _);
                if (z is not null)
                {
                    int end = PhraseEnd(s, t, v + 2);
                    quotedBy = Join(s, t, v + 2, end);
                    subject = z;
                    result.Verb = "quoted";
                }
                continue;
            }

            var word = SentenceTokens.Span(s, tok);
            if (!char.IsLower(word[0])) continue; // "The United States would…": not the verb "states"
            var verbs = Lexicon.ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!verbs.TryGetValue(word, out var verbPolarity)) continue;
            if (word.Equals("saying", StringComparison.OrdinalIgnoreCase)) continue;
            // "media reports", "the claims": a noun after a determiner (a capitalised "ABC News reports" is a verb).
            if (v > 0 && t[v - 1].Kind == TokenKind.Word && IsNounReader(s, t[v - 1])
                && word is not ("said" or "told" or "denied" or "confirmed" or "wrote" or "stated")) continue;

            string? found = null;
            bool negated = false;
            // Passive: "The claims were dismissed by the Pentagon", "…was confirmed by the ministry".
            if (v > 0 && v + 2 < t.Count && SentenceTokens.Is(s, t[v + 1], "by") && IsAuxiliary(s, t[v - 1]))
            {
                int end = PhraseEnd(s, t, v + 2);
                var agent = Join(s, t, v + 2, end);
                if (agent.Length > 0 && ValidHead(agent)) found = agent;
            }
            // Inverted: `…,” said one European diplomat.` / `…, said Peskov.`
            if (v > 0 && (IsComma(s, t[v - 1]) || t[v - 1].Kind == TokenKind.CloseQuote) && v + 1 < t.Count && t[v + 1].Kind == TokenKind.Word)
            {
                int end = PhraseEnd(s, t, v + 1);
                if (end == t.Count || IsComma(s, t[end]) || s[t[end].Start] is '.' or '!' or '?')
                {
                    var phrase = Join(s, t, v + 1, end);
                    if (ValidHead(phrase)) found = phrase;
                }
            }
            found ??= WalkBack(s, t, v - 1, clauseStart, used, out negated);
            if (found is null) continue;

            subject = found;
            subjectVerb = v;
            result.Verb = word.ToString().ToLowerInvariant();
            result.VerbPolarity = verbPolarity;
            result.NegatedVerb = negated;

            if (word is "told" or "tells" or "tell" or "informed" && v + 1 < t.Count)
            {
                int end = PhraseEnd(s, t, v + 1);
                var obj = Join(s, t, v + 1, end);
                if (obj.Length > 0 && SourceClassifier.LooksLikeOutlet(obj)) toldOutlet = obj;
            }
        }

        // Headline style "Kremlin: talks need more time" / "Zelensky: no territory will be ceded".
        if (subject is null && according is null) subject = ColonSpeaker(s, t);
        if (subject is not null && result.Verb is null) result.Verb = "says";

        // "Residents reported a boom, the Associated Press reports.": an outlet reporting at the end is outermost.
        var trailing = subject is not null ? TrailingOutlet(s, t, subjectVerb, clauseStart, used) : null;
        if (trailing is not null) result.Phrases.Add(trailing);
        if (according is not null) result.Phrases.Add(according);
        if (quotedBy is not null) result.Phrases.Add(quotedBy);
        if (toldOutlet is not null) result.Phrases.Add(toldOutlet);
        if (subject is not null) result.Phrases.Add(subject);
        if (citing is not null) result.Phrases.Add(citing);
        if (result.Verb is null)
        {
            if (according is not null) result.Verb = "according to";
            else if (citing is not null) result.Verb = "citing";
        }
    }

    private static bool IsAuxiliary(string s, Token t) =>
        t.Kind == TokenKind.Word && s.AsSpan(t.Start, t.Length) is "was" or "were" or "is" or "are" or "been" or "be";

    // "the claims", "media reports": a determiner or news word makes the next word a noun. Capitalised news words
    // are names ("ABC News reports"), except sentence-initial determiners ("The claims were…").
    private static bool IsNounReader(string s, Token prev)
    {
        var w = s.Substring(prev.Start, prev.Length);
        if (!NounReaders.Contains(w)) return false;
        return char.IsLower(w[0]) || w is "The" or "A" or "An" or "These" or "Those" or "This" or "That" or "Such";
    }

    private static string? ColonSpeaker(string s, List<Token> t)
    {
        int colon = -1;
        for (int k = 1; k <= 3 && k < t.Count; k++)
        {
            if (t[k].Kind == TokenKind.Punct && s[t[k].Start] == ':') { colon = k; break; }
            if (!SentenceTokens.IsCapitalized(s, t[k]) || t[k].InQuote) return null;
        }
        if (colon < 0 || !SentenceTokens.IsCapitalized(s, t[0]) || colon + 1 >= t.Count) return null;
        var phrase = Join(s, t, 0, colon);
        // Only a known institution, capital or outlet ("Kremlin:", "White House:"), never a label ("Paris Talks:").
        bool known = Lexicon.Metonyms.Contains(phrase) || Lexicon.Countries.ContainsKey(phrase) || Lexicon.KnownOutlets.Contains(phrase)
                     || phrase.Split(' ').Any(w => Lexicon.BodyWords.Contains(w));
        return known ? phrase : null;
    }

    private static string? TrailingOutlet(string s, List<Token> t, int subjectVerb, int clauseStart, ReadOnlySpan<bool> used)
    {
        int v = t.Count - 1;
        while (v > subjectVerb && t[v].Kind != TokenKind.Word) v--;
        if (v <= subjectVerb + 1 || t[v].InQuote) return null;
        var word = s.Substring(t[v].Start, t[v].Length);
        if (word is not ("reports" or "reported" or "said" or "says" or "writes" or "wrote")) return null;
        var phrase = WalkBack(s, t, v - 1, Math.Max(clauseStart, subjectVerb + 1), used, out _);
        return phrase is not null && SourceClassifier.LooksLikeOutlet(phrase) ? phrase : null;
    }

    /// <summary>Subject noun phrase ending at token <paramref name="j"/>, or null when none starts a clause there.</summary>
    private static string? WalkBack(string s, List<Token> t, int j, int clauseStart, ReadOnlySpan<bool> used, out bool negated)
    {
        negated = false;
        // Adverbs, auxiliaries and "on Wednesday" between subject and verb.
        while (j >= clauseStart && t[j].Kind == TokenKind.Word)
        {
            var w = s.Substring(t[j].Start, t[j].Length);
            if (w is "not" or "never" || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal)) { negated = true; j--; continue; }
            if (Lexicon.VerbAdverbs.Contains(w)) { j--; continue; }
            if (Lexicon.Weekdays.Contains(w) && j - 1 >= 0 && SentenceTokens.Is(s, t[j - 1], "on")) { j -= 2; continue; }
            if (SentenceTokens.IsNumber(s, t[j]) && j - 2 >= 0 && SentenceTokens.Is(s, t[j - 2], "on")) { j -= 3; continue; }
            break;
        }
        if (j < clauseStart) return null;

        // A verb right after a comma: the subject is before a parenthetical ("X, during a visit …, told").
        if (IsComma(s, t[j]))
        {
            for (int c = clauseStart; c < j; c++)
            {
                if (IsComma(s, t[c]) && !t[c].InQuote)
                {
                    if (c == clauseStart) return null;
                    return WalkBack(s, t, c - 1, clauseStart, used, out negated);
                }
            }
            return null;
        }

        int end = j;
        int count = 0;
        while (j >= clauseStart && t[j].Kind == TokenKind.Word && !used[j] && count < 12)
        {
            var w = StripPossessive(s.Substring(t[j].Start, t[j].Length));
            bool ok = Lexicon.OutletAnaphors.Contains(w) || SentenceTokens.IsCapitalized(s, t[j]) || SentenceTokens.IsNumber(s, t[j]) || Lexicon.SourceNounsAndPhraseWords.Contains(w)
                      || (count == 0 && Lexicon.Pronouns.Contains(w));
            if (!ok) break;
            if (count > 0 && Lexicon.Pronouns.Contains(w) && !char.IsUpper(w[0])) break;
            j--;
            count++;
        }
        if (count == 0) return null;
        // The phrase must begin a clause: sentence start, or after punctuation or a quote.
        bool boundary = j < clauseStart || t[j].Kind != TokenKind.Word || used[j];
        if (!boundary) return null;
        var phrase = Join(s, t, j + 1, end + 1);
        return ValidHead(phrase) ? phrase : null;
    }

    private static string StripPossessive(string w) =>
        w.Length > 2 && w[^1] == 's' && w[^2] is '\'' or '’' or 'ʼ' ? w[..^2] : w;

    private static bool ValidHead(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        var last = sp < 0 ? phrase : phrase[(sp + 1)..];
        if (phrase.Length == 0) return false;
        var firstWord = sp < 0 ? phrase : phrase[..phrase.IndexOf(' ')];
        if (firstWord is "of" or "to" or "with" or "and" or "for" or "in" or "at" or "from" or "on" or "about" or "that" or "this" or "these") return false;
        if (phrase.Length == 0) return false;
        if (char.IsUpper(last[0])) return !Lexicon.Weekdays.Contains(last);
        return Lexicon.Pronouns.Contains(last) || Lexicon.SourceNouns.Contains(last) || Lexicon.BodyWords.Contains(last)
               || Lexicon.OutletAnaphors.Contains(last) || last is "matter" or "talks" or "discussions" or "negotiations" or "situation" or "issue" or "plans" or "government";
    }

    /// <summary>End (exclusive) of a phrase starting at <paramref name="i"/>: up to punctuation, a quote, "that" or "as".</summary>
    private static int PhraseEnd(string s, List<Token> t, int i)
    {
        int k = i;
        while (k < t.Count && k - i < 14 && t[k].Kind == TokenKind.Word)
        {
            if (SentenceTokens.Is(s, t[k], "that") || SentenceTokens.Is(s, t[k], "as") || SentenceTokens.Is(s, t[k], "on")
                || SentenceTokens.Is(s, t[k], "in") && k > i && !Lexicon.SourceNouns.Contains(s.Substring(t[k - 1].Start, t[k - 1].Length))) break;
            if (k > i && Lexicon.Weekdays.Contains(s.Substring(t[k].Start, t[k].Length))) break;
            k++;
        }
        return k;
    }

    private static bool IsComma(string s, Token t) => t.Kind == TokenKind.Punct && s[t.Start] is ',' or ';' or ':' or '—' or '–';

    private static string Join(string s, List<Token> t, int from, int to)
    {
        if (to <= from) return string.Empty;
        return string.Join(' ', Enumerable.Range(from, to - from).Select(k => s.Substring(t[k].Start, t[k].Length)));
    }
}
