using System.Globalization;
using System.Text.RegularExpressions;

namespace Contradictions.Core.Claims;

/// <summary>
/// Absolute dates ("April 17, 2025", "17 April", "2025-04-23", "in March 2025") and relative ones ("today",
/// "last week", "on Wednesday", "three days ago"), resolved against the article date when it is known.
/// A month without a year takes the article's year.
/// </summary>
public static partial class DateExtractor
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public static bool IsMonth(ReadOnlySpan<char> word) => MonthNumber(word) > 0;

    private static readonly string[] Abbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static int MonthNumber(ReadOnlySpan<char> word)
    {
        word = word.TrimEnd('.');
        if (word.Length < 3) return 0;
        for (int i = 0; i < 12; i++)
        {
            if (word.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
            // Abbreviations only capitalised, so the modal "may" and "mar" stay words.
            if (char.IsUpper(word[0]) && (word.SequenceEqual(Abbreviations[i]) || (i == 8 && word.SequenceEqual("Sept")))) return i + 1;
        }
        return 0;
    }

    // Every match of the pattern but an ISO date holds one of these, as the pattern spells it (it tells case): a month
    // (capitalised), "day" (today, yesterday, the weekdays, "days ago"), a unit, "ago" or a time of day. Checking first
    // skips the big pattern for most sentences; a digit alone no longer sends one there ("41.5 percent"). An ISO date
    // needs a hyphen and digits, which to the pattern are any script's ("٢٠٢٥-٠٤-٢٣"): a hyphen with an ASCII digit
    // or any character beyond ASCII sends the sentence to it.
    private static readonly System.Buffers.SearchValues<string> Cues = System.Buffers.SearchValues.Create(
        ["day", "week", "month", "year", "tonight", "tomorrow", "morning", "afternoon", "evening", "ago",
         "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        StringComparison.Ordinal);

    /// <summary>False only when <see cref="DatePattern"/> cannot match <paramref name="sentence"/>.</summary>
    internal static bool MayHoldDate(ReadOnlySpan<char> sentence) =>
        sentence.ContainsAny(Cues)
        || (sentence.Contains('-') && (sentence.ContainsAnyInRange('0', '9') || sentence.ContainsAnyExceptInRange('\0', '\x7F')));

    /// <summary>Whether the pattern matches, without the cue check (for tests of <see cref="MayHoldDate"/>).</summary>
    internal static bool PatternMatches(string sentence) => DatePattern().IsMatch(sentence);

    public static List<DateMention> Extract(string sentence, DateOnly? articleDate)
    {
        var result = new List<DateMention>();
        if (!MayHoldDate(sentence)) return result;
        foreach (Match m in DatePattern().Matches(sentence))
        {
            result.Add(Resolve(m, articleDate));
        }
        return result;
    }

    private static DateMention Resolve(Match m, DateOnly? at)
    {
        var text = m.Value;
        var g = m.Groups;
        if (g["iso"].Success)
        {
            return DateOnly.TryParseExact(g["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new DateMention(text, d, null, false) : new DateMention(text, null, null, false);
        }
        if (g["mon"].Success)
        {
            int month = MonthNumber(g["mon"].Value.TrimEnd('.'));
            int? year = g["year"].Success ? int.Parse(g["year"].Value, CultureInfo.InvariantCulture) : at?.Year;
            if (g["day"].Success)
            {
                int day = int.Parse(g["day"].Value, CultureInfo.InvariantCulture);
                if (year is int y && month > 0 && day <= DateTime.DaysInMonth(y, month))
                    return new DateMention(text, new DateOnly(y, month, day), null, !g["year"].Success);
                return new DateMention(text, null, null, false);
            }
            if (year is int yy && month > 0)
            {
                var start = new DateOnly(yy, month, 1);
                return new DateMention(text, start, start.AddMonths(1).AddDays(-1), !g["year"].Success);
            }
            return new DateMention(text, null, null, false);
        }
        if (at is not DateOnly a) return new DateMention(text, null, null, true);

        var rel = g["rel"].Value.ToLowerInvariant();
        switch (rel)
        {
            case "today": case "tonight": case "this morning": case "this afternoon": case "this evening": return new(text, a, null, true);
            case "yesterday": return new(text, a.AddDays(-1), null, true);
            case "tomorrow": return new(text, a.AddDays(1), null, true);
        }
        if (g["wd"].Success)
        {
            var wd = Enum.Parse<DayOfWeek>(g["wd"].Value, ignoreCase: true);
            var prefix = g["wdp"].Value.ToLowerInvariant();
            int back = ((int)a.DayOfWeek - (int)wd + 7) % 7;
            // "on Wednesday" in news means the most recent Wednesday (today included); "next Wednesday" the coming one.
            return prefix switch
            {
                "next" => new(text, a.AddDays(back == 0 ? 7 : 7 - back), null, true),
                "last" => new(text, a.AddDays(-(back == 0 ? 7 : back)), null, true),
                _ => new(text, a.AddDays(-back), null, true),
            };
        }
        if (g["unit"].Success)
        {
            var which = g["which"].Value.ToLowerInvariant();
            int shift = which.StartsWith("last") || which.StartsWith("past") || which.StartsWith("previous") ? -1 : which.StartsWith("next") || which.StartsWith("coming") ? 1 : 0;
            switch (g["unit"].Value.ToLowerInvariant())
            {
                case "week":
                    var monday = a.AddDays(-(((int)a.DayOfWeek + 6) % 7)).AddDays(7 * shift);
                    return new(text, monday, monday.AddDays(6), true);
                case "month":
                    var first = new DateOnly(a.Year, a.Month, 1).AddMonths(shift);
                    return new(text, first, first.AddMonths(1).AddDays(-1), true);
                default:
                    var jan = new DateOnly(a.Year + shift, 1, 1);
                    return new(text, jan, new DateOnly(jan.Year, 12, 31), true);
            }
        }
        if (g["ago"].Success)
        {
            var nText = g["agon"].Value.ToLowerInvariant();
            int n = nText switch { "a" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, _ => int.TryParse(nText, out var x) ? x : 1 };
            int days = g["ago"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? n * 7 : n;
            return new(text, a.AddDays(-days), null, true);
        }
        return new(text, null, null, true);
    }

    [GeneratedRegex(@"\b(?:(?<iso>\d{4}-\d{2}-\d{2})|(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<year>\d{4}))?\b|(?<=\b(?:in|since|until|by|from|of|early|late|mid-?)\s)(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<year>\d{4}))?\b|(?<rel>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b|(?<wdp>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?<which>last|next|this|past|previous|coming|earlier this|later this)\s+(?<unit>week|month|year)\b|(?<agon>\d+|a|one|two|three|four|five|six|seven)\s+(?<ago>days?|weeks?)\s+ago\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();
}
