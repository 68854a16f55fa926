using System.Text;

namespace Contradictions.Core.Claims;

/// <summary>
/// Normalised keys for sources and entities, so that one body written several ways is one key:
/// "Ukrainian Ministry of Defense", "Ministry of Defence of Ukraine" and "Ukraine's defence ministry" all become
/// <c>ukraine ministry of defense</c>; demonyms and aliases become countries ("U.S." → "united states").
/// </summary>
public static class EntityNormalizer
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nyt"] = "new york times", ["the new york times"] = "new york times", ["wsj"] = "wall street journal",
        ["ft"] = "financial times", ["ap"] = "associated press", ["ria"] = "ria novosti", ["the guardian"] = "guardian",
        ["dw"] = "deutsche welle", ["afp"] = "agence france-presse", ["the kremlin"] = "kremlin", ["kiev"] = "kyiv",
        ["european union"] = "european union", ["eu"] = "european union", ["the eu"] = "european union",
        ["un"] = "united nations", ["the un"] = "united nations", ["the pentagon"] = "pentagon",
    };

    private static readonly HashSet<string> Drop = new(StringComparer.Ordinal) { "the", "of", "and", "'s" };

    public static string Key(string name)
    {
        var words = Words(name);
        if (words.Count == 0) return string.Empty;
        if (words[0] == "the" && words.Count > 1) words.RemoveAt(0);
        var joined = string.Join(' ', words);
        if (Aliases.TryGetValue(joined, out var alias)) return alias;
        if (Lexicon.Countries.TryGetValue(joined, out var country)) return country;

        int ministry = words.FindIndex(w => w is "ministry" or "department" or "ministries");
        if (ministry >= 0) return MinistryKey(words, ministry);
        return joined;
    }

    // "<country> ministry of <topic>": topic words are the rest minus country words and glue.
    private static string MinistryKey(List<string> words, int headIndex)
    {
        string? country = null;
        var topic = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            if (i == headIndex) continue;
            var w = words[i];
            if (i + 1 < words.Count && Lexicon.Countries.TryGetValue(w + " " + words[i + 1], out var two))
            {
                country ??= two;
                i++;
                continue;
            }
            if (Lexicon.Countries.TryGetValue(w, out var c)) { country ??= c; continue; }
            if (Drop.Contains(w)) continue;
            topic.Add(w);
        }
        if (topic.Count == 1 && topic[0] == "foreign") topic.Add("affairs");
        var head = words[headIndex] == "department" && topic.Count == 1 && topic[0] == "state" ? "department" : "ministry";
        var sb = new StringBuilder();
        if (country is not null) sb.Append(country).Append(' ');
        sb.Append(head);
        if (topic.Count > 0) sb.Append(head == "department" ? " of " : " of ").AppendJoin(' ', topic);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" \t\n,;:\"“”()");
    private const string Edges = "'.-‘";

    // Each word is cut, lowered and trimmed in a buffer and made a string once: every entity mention of a scan is
    // normalised, and splitting, lowering, replacing and trimming strings made up to five strings a word.
    /// <summary>Lower-case words; possessives split off ("ukraine's" → "ukraine", "'s"); "defence" → "defense".</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>(8);
        Span<char> buffer = stackalloc char[128];
        foreach (var range in name.AsSpan().SplitAny(Separators))
        {
            var raw = name.AsSpan(range);
            if (raw.IsEmpty) continue;
            var lower = raw.Length <= buffer.Length ? buffer[..raw.Length] : new char[raw.Length];
            raw.ToLowerInvariant(lower);
            lower.Replace('’', '\'');
            lower.Replace('ʼ', '\'');
            ReadOnlySpan<char> w = lower.Trim(Edges);
            if (w.EndsWith('.') && w.Length > 1 && w.Count('.') < 2) w = w.TrimEnd('.');
            if (w.IsEmpty) continue;
            bool possessive = w.EndsWith("'s", StringComparison.Ordinal);
            if (possessive) w = w[..^2];
            words.Add(w switch { "defence" => "defense", "organisation" => "organization", "centre" => "center", _ => new string(w) });
            if (possessive) words.Add("'s");
        }
        return words;
    }
}
