namespace Contradictions.Core.Claims;

/// <summary>What a source noun phrase is before coreference: a link, or a pointer back to an earlier source.</summary>
internal enum SourceRef
{
    Link,
    /// <summary>"he", "she": the last person-like source.</summary>
    PersonPronoun,
    /// <summary>"it", "they": the last body or group.</summary>
    OtherPronoun,
    /// <summary>"the publication", "the newspaper": the last outlet.</summary>
    OutletAnaphor,
    /// <summary>"the official", "this source": the last anonymous source.</summary>
    AnonymousAnaphor,
    /// <summary>A lone surname ("Peskov"): the full name if seen earlier.</summary>
    Surname,
}

internal readonly record struct RawSource(SourceRef Ref, AttributionLink Link, bool Singular);

/// <summary>Classifies a source noun phrase ("the RIA Novosti state news agency", "three European diplomats").</summary>
internal static class SourceClassifier
{
    private static readonly HashSet<string> PostModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "close", "familiar", "aware", "with", "in", "at", "from", "who", "involved", "briefed", "knowledgeable", "on", "of", "inside", "within", "near",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an" };

    private static readonly HashSet<string> Definite = new(StringComparer.OrdinalIgnoreCase) { "the", "this", "that" };

    /// <summary>One or two links (an owner and its sources for "Bloomberg's sources"); empty when not a source.</summary>
    public static void Classify(string phrase, List<RawSource> into)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return;
        for (int i = 0; i < words.Length - 1; i++)
        {
            var w = words[i];
            if ((w.EndsWith("'s") || w.EndsWith("’s") || w.EndsWith("ʼs")) && Lexicon.SourceNouns.Contains(words[^1]))
            {
                var owner = string.Join(' ', words, 0, i + 1)[..^2];
                Classify(owner, into);
                into.Add(One(words.AsSpan(i + 1)));
                return;
            }
        }
        into.Add(One(words));
    }

    private static RawSource One(ReadOnlySpan<string> words)
    {
        int start = 0;
        bool hasDeterminer = false;
        while (start < words.Length - 1 && Determiners.Contains(words[start])) { start++; hasDeterminer = true; }
        var body = words[start..];
        var name = string.Join(' ', body.ToArray());
        var lowerAll = name.ToLowerInvariant();
        var first = words[0];
        var last = body[^1];

        if (words.Length == 1 && Lexicon.Pronouns.Contains(first))
        {
            var r = first.ToLowerInvariant() is "he" or "she" or "i" ? SourceRef.PersonPronoun : SourceRef.OtherPronoun;
            return new RawSource(r, new AttributionLink(first, LinkKind.Unknown, false, first.ToLowerInvariant()), true);
        }
        if (Definite.Contains(first) && Lexicon.OutletAnaphors.Contains(lowerAll))
        {
            return new RawSource(SourceRef.OutletAnaphor, new AttributionLink(name, LinkKind.Outlet, false, lowerAll), true);
        }

        var outlet = FindOutlet(body);
        if (outlet is not null)
        {
            return new RawSource(SourceRef.Link, new AttributionLink(outlet, LinkKind.Outlet, false, EntityNormalizer.Key(outlet)), true);
        }

        // Head noun: the word before a post-modifier ("sources familiar with …", "a source close to …").
        int head = body.Length - 1;
        for (int i = 1; i < body.Length; i++)
        {
            if (PostModifiers.Contains(body[i]) && char.IsLower(body[i][0])) { head = i - 1; break; }
        }
        var headWord = body[head];
        if ((char.IsLower(headWord[0]) || head == 0) && Lexicon.SourceNouns.Contains(headWord) && !IsNamedAfterTitle(body, head))
        {
            bool singular = !headWord.EndsWith('s') || headWord is "analysis";
            if (Definite.Contains(first) && singular && words.Length <= 4)
            {
                return new RawSource(SourceRef.AnonymousAnaphor, Anonymous(name), true);
            }
            return new RawSource(SourceRef.Link, Anonymous(name), singular && !headWord.Equals("people", StringComparison.OrdinalIgnoreCase));
        }

        if (char.IsUpper(last[0]) && !IsNonName(last))
        {
            int n = body.Length;
            int s = n;
            while (s > 0 && char.IsUpper(body[s - 1][0]) && !IsNonName(body[s - 1])) s--;
            var person = string.Join(' ', body[s..].ToArray());
            var personRef = n - s == 1 ? SourceRef.Surname : SourceRef.Link;
            return new RawSource(personRef, new AttributionLink(person, LinkKind.Person, false, EntityNormalizer.Key(person)), true);
        }

        foreach (var w in body)
        {
            if (Lexicon.BodyWords.Contains(w) || Lexicon.Metonyms.Contains(w) || Lexicon.Countries.ContainsKey(w))
            {
                return new RawSource(SourceRef.Link, new AttributionLink(name, LinkKind.Body, false, EntityNormalizer.Key(name)), true);
            }
        }
        if (Lexicon.Metonyms.Contains(name))
        {
            return new RawSource(SourceRef.Link, new AttributionLink(name, LinkKind.Body, false, EntityNormalizer.Key(name)), true);
        }
        if (!hasDeterminer && body.Length <= 3 && char.IsLower(last[0]) && last.EndsWith('s'))
        {
            return new RawSource(SourceRef.Link, Anonymous(name), false);
        }
        return new RawSource(SourceRef.Link, new AttributionLink(name, LinkKind.Unknown, false, EntityNormalizer.Key(name)), true);
    }

    public static bool LooksLikeOutlet(string phrase) => FindOutlet(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)) is not null;

    private static AttributionLink Anonymous(string name) => new(name, LinkKind.Anonymous, true, EntityNormalizer.Key(name));

    // "spokesman Dmitry Peskov" is named even though "spokesman" is a source noun.
    private static bool IsNamedAfterTitle(ReadOnlySpan<string> body, int head) =>
        head + 1 < body.Length && char.IsUpper(body[head + 1][0]) && head == body.Length - 1;

    private static bool IsNonName(string w) =>
        Lexicon.Titles.Contains(w) || Lexicon.Countries.ContainsKey(w) || Lexicon.BodyWords.Contains(w) || Lexicon.Metonyms.Contains(w)
        || Lexicon.OutletHeads.Contains(w) || Lexicon.Places.Contains(w);

    /// <summary>A known outlet inside the phrase ("the RIA Novosti state news agency" → "RIA Novosti"), or a "… Post/Times" name.</summary>
    private static string? FindOutlet(ReadOnlySpan<string> body)
    {
        // Longest capitalised run first.
        for (int len = Math.Min(4, body.Length); len >= 1; len--)
        {
            for (int i = 0; i + len <= body.Length; i++)
            {
                var run = body.Slice(i, len);
                if (!char.IsUpper(run[0][0]) && !char.IsDigit(run[0][0])) continue;
                var joined = string.Join(' ', run.ToArray());
                if (Lexicon.KnownOutlets.Contains(joined)) return joined;
            }
        }
        int n = body.Length;
        if (n >= 2 && char.IsUpper(body[n - 1][0]) && Lexicon.OutletHeads.Contains(body[n - 1]) && char.IsUpper(body[n - 2][0])
            && !body[n - 1].Equals("Press", StringComparison.Ordinal))
        {
            int s = n - 1;
            while (s > 0 && char.IsUpper(body[s - 1][0])) s--;
            return string.Join(' ', body[s..].ToArray());
        }
        return null;
    }
}
