namespace Contradictions.Core.Claims;

/// <summary>
/// People, organisations and places from runs of capitalised words ("US Secretary of State Marco Rubio" →
/// person "Marco Rubio"; "the Ukrainian Ministry of Defense" → organisation; "Great Britain" → place
/// "united kingdom"). Lone surnames resolve to a full name seen earlier in the same article.
/// </summary>
internal static class EntityExtractor
{
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "as", "after", "but", "and", "this", "that", "these", "those", "it", "he", "she", "they",
        "we", "i", "meanwhile", "however", "according", "among", "during", "beyond", "while", "for", "if", "what", "when", "where",
        "who", "why", "how", "next", "last", "one", "two", "three", "some", "many", "there", "his", "her", "their", "its", "our",
        "with", "without", "since", "before", "until", "by", "from", "to", "of", "is", "was", "will", "would", "could", "may",
        "statements", "negotiations", "talks", "recent", "parallel", "introduction", "ceasefire", "just", "also", "other", "all",
        "both", "most", "such", "no", "not", "so", "then", "now", "today", "yesterday", "local", "residents", "officials", "sources",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "of the", "for", "de", "al" };

    public static void Extract(string s, List<Token> t, Dictionary<string, string> surnames, List<EntityMention> into)
    {
        int i = 0;
        while (i < t.Count)
        {
            if (!StartsRun(s, t, i)) { i++; continue; }
            int end = i + 1;
            while (end < t.Count)
            {
                if (IsCap(s, t[end]) && !Possessive(s, t[end - 1])) { end++; continue; }
                // "Ministry of Defense", "Secretary of State".
                if (end + 1 < t.Count && SentenceTokens.Is(s, t[end], "of") && !Possessive(s, t[end - 1]))
                {
                    int next = end + 1;
                    if (next + 1 < t.Count && SentenceTokens.Is(s, t[next], "the")) next++;
                    if (IsCap(s, t[next])) { end = next + 1; continue; }
                }
                break;
            }
            AddRun(s, t, i, end, surnames, into);
            i = end;
        }
    }

    private static bool StartsRun(string s, List<Token> t, int i)
    {
        if (!IsCap(s, t[i])) return false;
        if (i == 0 || t[i - 1].Kind is TokenKind.OpenQuote || (t[i - 1].Kind == TokenKind.Punct && s[t[i - 1].Start] is '.' or ':' or '—'))
        {
            if (Openers.Contains(s.AsSpan(t[i].Start, t[i].Length))) return false;
        }
        return true;
    }

    private static bool IsCap(string s, Token t) => t.Kind == TokenKind.Word && char.IsUpper(s[t.Start]) && !DateExtractor.IsMonth(s.AsSpan(t.Start, t.Length))
                                                     && !Weekdays.Contains(s.AsSpan(t.Start, t.Length));

    // Looked up by span: every capitalised word is checked, and a substring for each was garbage at once.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays = Lexicon.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool Possessive(string s, Token t) => t.Length > 2 && s[t.End - 2] is '\'' or '’' or 'ʼ' && s[t.End - 1] == 's';

    private static void AddRun(string s, List<Token> t, int from, int to, Dictionary<string, string> surnames, List<EntityMention> into)
    {
        var words = new List<string>(to - from);
        for (int k = from; k < to; k++)
        {
            var w = s.Substring(t[k].Start, t[k].Length);
            if (Possessive(s, t[k])) w = w[..^2];
            words.Add(w);
        }
        if (words.Count > 1 && words[0].Equals("The", StringComparison.Ordinal)) words.RemoveAt(0);
        var name = string.Join(' ', words);

        // Hyphenated pairs of places: "Russia-Ukraine".
        if (words.Count == 1 && name.Contains('-'))
        {
            var parts = name.Split('-');
            if (parts.All(p => Lexicon.Countries.ContainsKey(p)))
            {
                foreach (var p in parts) Add(into, new EntityMention(p, EntityKind.Place, Lexicon.Countries[p]));
                return;
            }
        }
        if (Lexicon.Countries.TryGetValue(name, out var country)) { Add(into, new EntityMention(name, EntityKind.Place, country)); return; }
        if (Lexicon.Places.Contains(name)) { Add(into, new EntityMention(name, EntityKind.Place, EntityNormalizer.Key(name))); return; }
        if (Lexicon.KnownOutlets.Contains(name)) { Add(into, new EntityMention(name, EntityKind.Organisation, EntityNormalizer.Key(name))); return; }

        // Person: trailing words that are not titles, countries or institution words.
        int sIdx = words.Count;
        while (sIdx > 0 && !IsNonName(words[sIdx - 1])) sIdx--;
        bool hasBodyWord = words.Any(w => Lexicon.BodyWords.Contains(w));
        if (sIdx < words.Count && !(hasBodyWord && sIdx == 0))
        {
            var person = string.Join(' ', System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words)[sIdx..]);
            int personWords = words.Count - sIdx;
            if (personWords >= 2)
            {
                surnames[words[^1]] = person;
                Add(into, new EntityMention(person, EntityKind.Person, EntityNormalizer.Key(person)));
                if (sIdx > 0) AddLeading(words, sIdx, into);
                return;
            }
            if (surnames.TryGetValue(person, out var full))
            {
                Add(into, new EntityMention(full, EntityKind.Person, EntityNormalizer.Key(full)));
                return;
            }
            if (sIdx > 0 && !hasBodyWord)
            {
                // "President Trump": a title makes a lone name a person.
                Add(into, new EntityMention(person, EntityKind.Person, EntityNormalizer.Key(person)));
                AddLeading(words, sIdx, into);
                return;
            }
            if (sIdx == 0)
            {
                Add(into, new EntityMention(person, EntityKind.Other, EntityNormalizer.Key(person)));
                return;
            }
        }
        if (hasBodyWord || Lexicon.Metonyms.Contains(name))
        {
            Add(into, new EntityMention(name, EntityKind.Organisation, EntityNormalizer.Key(name)));
            return;
        }
        AddLeading(words, words.Count, into);
    }

    // Countries inside a title ("Ukrainian Defense Minister") are still places the claim is about.
    private static void AddLeading(List<string> words, int upTo, List<EntityMention> into)
    {
        for (int k = 0; k < upTo; k++)
        {
            if (Lexicon.Countries.TryGetValue(words[k], out var c)) Add(into, new EntityMention(words[k], EntityKind.Place, c));
        }
    }

    private static bool IsNonName(string w) =>
        Lexicon.Titles.Contains(w) || Lexicon.Countries.ContainsKey(w) || Lexicon.BodyWords.Contains(w) || Lexicon.Places.Contains(w)
        || Lexicon.OutletHeads.Contains(w) || w.Contains('.') && w.Length <= 4 && !char.IsLower(w[^1]) || Lexicon.Metonyms.Contains(w);

    private static void Add(List<EntityMention> into, EntityMention e)
    {
        if (e.Key.Length == 0) return;
        foreach (var x in into) if (x.Key == e.Key) return;
        into.Add(e);
    }
}
