using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Contradictions.Core.Articles;
using CsvHelper;

namespace Contradictions.Storage.Ingest;

/// <summary>
/// Reads articles from files and folders (recursively): .txt/.md, .html/.htm (AngleSharp + SmartReader main-content
/// extraction), .jsonl and .csv (columns id, url, outlet, published, title, body; FNC-1's "Body ID, articleBody" also
/// works). Yields one result per article or per failure, so one bad file or line never stops a batch.
/// </summary>
public static class ArticleReader
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".html", ".htm", ".jsonl", ".csv" };

    public static IEnumerable<ReadResult> ReadPaths(IEnumerable<string> paths, ArticleReaderOptions? options = null) =>
        Units(paths, options).Select(unit => unit());

    public static IEnumerable<ReadResult> ReadFile(string path, ArticleReaderOptions? options = null) =>
        FileUnits(path, options ?? new ArticleReaderOptions()).Select(unit => unit());

    /// <summary>
    /// What <see cref="ReadPaths"/> reads, as deferred units of work in input order, one per result. Enumerating
    /// only lists files and splits JSON Lines and CSV files into records; decoding and parsing a text or HTML file,
    /// parsing a JSON line and building an article (cleaning, outlet and date detection, hashing) happen when a
    /// unit is invoked, so a caller can run units on several threads and still keep their order.
    /// </summary>
    public static IEnumerable<Func<ReadResult>> Units(IEnumerable<string> paths, ArticleReaderOptions? options = null)
    {
        options ??= new ArticleReaderOptions();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in files)
                    foreach (var unit in FileUnits(file, options)) yield return unit;
            }
            else if (File.Exists(path))
            {
                foreach (var unit in FileUnits(path, options)) yield return unit;
            }
            else
            {
                var missing = path;
                yield return () => ReadResult.Fail(missing, null, "no such file or folder");
            }
        }
    }

    private static IEnumerable<Func<ReadResult>> FileUnits(string path, ArticleReaderOptions options)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".jsonl" or ".csv"))
        {
            yield return () => WholeFile(path, ext, options);
            yield break;
        }
        var (text, warning, error) = Load(path, options);
        if (error is not null)
        {
            yield return () => ReadResult.Fail(path, null, error);
            yield break;
        }
        foreach (var unit in ext == ".jsonl" ? JsonLines(path, text!) : Csv(path, text!))
        {
            yield return warning is null ? unit : () => WithWarning(unit(), path, warning);
        }
    }

    private static ReadResult WholeFile(string path, string ext, ArticleReaderOptions options)
    {
        var (text, warning, error) = Load(path, options);
        if (error is not null) return ReadResult.Fail(path, null, error);
        var result = ext is ".html" or ".htm" ? Html(path, text!) : Plain(path, text!);
        return warning is null ? result : WithWarning(result, path, warning);
    }

    private static ReadResult WithWarning(ReadResult result, string path, string warning) =>
        result.Article is null ? result : result with { Warnings = [new IngestError(path, null, warning), .. result.Warnings] };

    private static (string? Text, string? Warning, string? Error) Load(string path, ArticleReaderOptions options)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0) return (null, null, "empty file");
            if (info.Length > options.MaxFileBytes)
            {
                return (null, null, $"file is {info.Length / (1024.0 * 1024):0.#} MB, over the {options.MaxFileBytes / (1024.0 * 1024):0.#} MB limit (raise it with --max-file-mb)");
            }
            var bytes = File.ReadAllBytes(path);
            if (!TextDecoder.TryDecode(bytes, out var text, out var warning, out var error)) return (null, null, error);
            if (string.IsNullOrWhiteSpace(text)) return (null, null, "empty file (only whitespace)");
            return (text, warning, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, "cannot read: " + e.Message);
        }
    }

    private static ReadResult Plain(string path, string text) =>
        ReadResult.Ok(ArticleFactory.Create(Path.GetFileName(path), text, sourceName: path));

    private static ReadResult Html(string path, string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        string? Meta(params string[] names)
        {
            foreach (var n in names)
            {
                var el = doc.QuerySelector($"meta[property='{n}'], meta[name='{n}']");
                var v = el?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(v)) return v.Trim();
            }
            return null;
        }
        var url = Meta("og:url") ?? doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var baseUri = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.ToString() : "https://localhost/" + Uri.EscapeDataString(Path.GetFileName(path));
        var reader = new SmartReader.Reader(baseUri, doc) { ContinueIfNotReadable = true };
        var extracted = reader.GetArticle();
        var body = extracted.TextContent?.Trim();
        if (string.IsNullOrWhiteSpace(body)) return ReadResult.Fail(path, null, "HTML has no readable main content");
        var title = extracted.Title ?? Meta("og:title");
        var text = !string.IsNullOrWhiteSpace(title) && !body.StartsWith(title, StringComparison.Ordinal) ? title + "\n\n" + body : body;
        DateOnly? published = extracted.PublicationDate is DateTime d ? DateOnly.FromDateTime(d) : ParseDate(Meta("article:published_time", "date", "pubdate"));
        var meta = new ArticleMetadata(url, extracted.SiteName ?? Meta("og:site_name"), published, title);
        return ReadResult.Ok(ArticleFactory.Create(Path.GetFileName(path), text, meta, path));
    }

    private static IEnumerable<Func<ReadResult>> JsonLines(string path, string text)
    {
        int lineNo = 0;
        using var lines = new StringReader(text);
        for (var line = lines.ReadLine(); line is not null; line = lines.ReadLine())
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (record, number) = (line, lineNo);
            yield return () => JsonLine(path, number, record);
        }
    }

    private static ReadResult JsonLine(string path, int lineNo, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return ReadResult.Fail(path, lineNo, "expected a JSON object per line");
            string? Get(string name) => json.RootElement.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.ToString() : null;
            return FromRecord(path, lineNo, Get("id"), Get("url"), Get("outlet"), Get("published"), Get("title"), Get("body"));
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(path, lineNo, "malformed JSON: " + e.Message);
        }
    }

    private static IEnumerable<Func<ReadResult>> Csv(string path, string text)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, AllowLineBreaksInQuotes = true };
        using var csv = CsvReader.FromText(text, options);
        string[] header;
        string? headerError = null;
        try
        {
            header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        }
        catch (CsvFormatException e)
        {
            header = [];
            headerError = "malformed CSV header: " + e.Message;
        }
        if (headerError is not null || header.Length == 0)
        {
            yield return () => ReadResult.Fail(path, 1, headerError ?? "CSV has no header row");
            yield break;
        }
        int Index(params string[] names)
        {
            foreach (var n in names)
            {
                int i = Array.IndexOf(header, n);
                if (i >= 0) return i;
            }
            return -1;
        }
        int body = Index("body", "articlebody"), id = Index("id", "body id"), url = Index("url"), outlet = Index("outlet"),
            published = Index("published"), title = Index("title");
        if (body < 0)
        {
            yield return () => ReadResult.Fail(path, 1, "CSV header has no 'body' column (expected id, url, outlet, published, title, body)");
            yield break;
        }
        bool stop = false;
        while (!stop)
        {
            Func<ReadResult> unit;
            try
            {
                if (!csv.Read()) break;
                int line = (int)csv.LineNumber;
                if (csv.FieldCount < header.Length)
                {
                    var problem = $"row has {csv.FieldCount} columns, the header has {header.Length} ({string.Join(", ", header)})";
                    unit = () => ReadResult.Fail(path, line, problem);
                }
                else
                {
                    // The fields are read here, in order; the article is built when the unit runs.
                    string? Get(int i) => i >= 0 ? csv.GetStringOrNull(i) : null;
                    var (i, u, o, p, t, b) = (Get(id), Get(url), Get(outlet), Get(published), Get(title), Get(body));
                    unit = () => FromRecord(path, line, i, u, o, p, t, b);
                }
            }
            catch (CsvFormatException e)
            {
                // The reader cannot resynchronise after malformed quoting; report and stop this file.
                var problem = "malformed CSV: " + e.Message;
                unit = () => ReadResult.Fail(path, null, problem);
                stop = true;
            }
            yield return unit;
        }
    }

    private static ReadResult FromRecord(string path, int line, string? id, string? url, string? outlet, string? published, string? title, string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return ReadResult.Fail(path, line, "record has no body");
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            date = ParseDate(published);
            if (date is null) return ReadResult.Fail(path, line, $"unreadable published date '{published}' (expected YYYY-MM-DD or ISO 8601)");
        }
        var text = !string.IsNullOrWhiteSpace(title) && !body.TrimStart().StartsWith(title.Trim(), StringComparison.Ordinal)
            ? title.Trim() + "\n\n" + body
            : body;
        var articleId = string.IsNullOrWhiteSpace(id) ? $"{Path.GetFileName(path)}:{line}" : id.Trim();
        var meta = new ArticleMetadata(url, outlet, date, title);
        return ReadResult.Ok(ArticleFactory.Create(articleId, text, meta, $"{path}:{line}"));
    }

    private static DateOnly? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)) return DateOnly.FromDateTime(dto.UtcDateTime);
        return null;
    }
}
