using System.Globalization;
using System.Text.RegularExpressions;

namespace Contradictions.Core.Claims;

/// <summary>
/// Numbers with their unit and what they quantify: "90%" + the words after it, "30-day truce" → day / truce,
/// "$5 billion in aid" → USD billion / aid. Bare years and day-of-month numbers are left to <see cref="DateExtractor"/>.
/// </summary>
public static partial class NumberExtractor
{
    public static List<NumberMention> Extract(string sentence)
    {
        var result = new List<NumberMention>();
        foreach (Match m in NumberPattern().Matches(sentence))
        {
            var digits = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            string? unit = null;
            if (m.Groups["pct"].Success) unit = "%";
            else if (m.Groups["scale"].Success) unit = m.Groups["scale"].Value.ToLowerInvariant();
            else if (m.Groups["per"].Success) unit = m.Groups["per"].Value.ToLowerInvariant().TrimEnd('s');
            if (m.Groups["cur"].Success)
            {
                var cur = m.Groups["cur"].Value switch { "$" => "USD", "€" => "EUR", "£" => "GBP", _ => m.Groups["cur"].Value };
                unit = unit is null ? cur : cur + " " + unit;
            }

            if (unit is null)
            {
                if (IsYear(digits, value) || AfterMonth(sentence, m.Index) || BeforeMonth(sentence, m.Index + m.Length)) continue;
            }
            var quantifies = Quantified(sentence, m.Index + m.Length, unit);
            result.Add(new NumberMention(m.Value.Trim(), value, unit, quantifies));
        }
        return result;
    }

    private static bool IsYear(string digits, double value) => digits.Length == 4 && value is >= 1900 and <= 2100;

    private static bool AfterMonth(string s, int index)
    {
        var before = s.AsSpan(0, index).TrimEnd();
        int w = before.Length;
        while (w > 0 && char.IsLetter(before[w - 1])) w--;
        return DateExtractor.IsMonth(before[w..]);
    }

    private static bool BeforeMonth(string s, int index)
    {
        var after = s.AsSpan(index).TrimStart();
        int w = 0;
        while (w < after.Length && char.IsLetter(after[w])) w++;
        return DateExtractor.IsMonth(after[..w]);
    }

    // The phrase a number counts: "of …" or the next few words, up to punctuation.
    private static string? Quantified(string s, int from, string? unit)
    {
        int i = from;
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] is '”' or '"' or '’' or 'ʼ')) i++;
        int words = 0;
        int start = i;
        int end = i;
        int max = unit is "%" ? 5 : 3;
        while (i < s.Length && words < max)
        {
            if (!char.IsLetter(s[i])) break;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or '’' or '\'' or 'ʼ')) i++;
            end = i;
            words++;
            if (i < s.Length && s[i] == ' ') i++;
            else break;
        }
        return end > start ? s[start..end] : null;
    }

    [GeneratedRegex(@"(?<![\w.])(?<cur>[$€£])?\s?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?<pct>\s?%|\s(?:percent|per cent)\b)|\s(?<scale>thousand|million|billion|trillion)\b|-(?<per>(?:day|week|month|year|hour|minute|km|mile|kilometer|kilometre)s?)\b)?", RegexOptions.ExplicitCapture)]
    private static partial Regex NumberPattern();
}
