using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Contradictions.Web;

/// <summary>Razor-free HTML building: every piece of text from the store goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string N(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Contradictions</title>
        <link rel="stylesheet" href="/assets/app.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body>
        <nav><a href="/">Queue</a> <a href="/sources">Sources</a> <a href="/openapi/v1.json">API</a></nav>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    /// <summary>Encodes <paramref name="text"/> and wraps whole-word matches of <paramref name="words"/> in &lt;mark class="cue"&gt;.</summary>
    public static string Highlight(string text, IEnumerable<string> words)
    {
        var list = words.Where(w => !string.IsNullOrWhiteSpace(w)).OrderByDescending(w => w.Length).Select(Regex.Escape).ToList();
        if (list.Count == 0) return E(text);
        var regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', list) + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var sb = new StringBuilder();
        int at = 0;
        foreach (Match m in regex.Matches(text))
        {
            sb.Append(E(text[at..m.Index])).Append("<mark class=\"cue\">").Append(E(m.Value)).Append("</mark>");
            at = m.Index + m.Length;
        }
        return sb.Append(E(text[at..])).ToString();
    }
}
