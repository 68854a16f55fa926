using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Storage;
using Spectre.Console;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions claims &lt;article id or file&gt; [--format table|json]</c>: the claims of a stored article, or of
/// a file read on the fly when it is not stored.
/// </summary>
internal static class ClaimsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var article = new Argument<string>("article") { Description = "Stored article (row id, article id or source path) or a file to read" };
        var db = CommonOptions.Db();
        var format = new Option<string>("--format") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var cmd = new Command("claims", "Show an article's claims with attribution chain, polarity, numbers, dates and entities") { article, db, format };
        cmd.SetAction(pr =>
        {
            var reference = pr.GetValue(article)!;
            IReadOnlyList<Claim> claims;
            string label;
            var dbPath = CommonOptions.ResolveDbPath(pr.GetValue(db));
            StoredArticle? stored = null;
            if (File.Exists(dbPath) || !File.Exists(reference))
            {
                using var store = ClaimStore.Open(dbPath);
                stored = store.FindArticle(reference);
                if (stored is null && File.Exists(reference))
                {
                    // A file whose content is stored under another name.
                    var read = Storage.Ingest.ArticleReader.ReadFile(reference).FirstOrDefault(r => r.Article is not null)?.Article;
                    if (read is not null) stored = store.FindByContentHash(read.ContentHash);
                }
                claims = stored is null ? [] : store.GetClaims(stored.RowId);
            }
            else
            {
                claims = [];
            }

            if (stored is not null)
            {
                label = $"{stored.Article.Id} (#{stored.RowId})";
            }
            else if (File.Exists(reference))
            {
                var results = Storage.Ingest.ArticleReader.ReadFile(reference).ToList();
                var first = results.FirstOrDefault();
                if (first?.Article is not Article a)
                {
                    Console.Error.WriteLine($"error: {first?.Error?.ToString() ?? reference + ": nothing to read"}");
                    return ExitCodes.PartialFailure;
                }
                claims = ClaimExtractor.Extract(a);
                label = a.Id + " (not stored)";
            }
            else
            {
                Console.Error.WriteLine($"error: no stored article or file '{reference}' (database {Path.GetFullPath(dbPath)})");
                return ExitCodes.Usage;
            }

            if (pr.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(claims.Select(ToJson), Json));
            }
            else
            {
                WriteTable(label, claims);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static object ToJson(Claim c) => new
    {
        ordinal = c.Ordinal,
        text = c.Text,
        span = new { start = c.Span.Start, length = c.Span.Length },
        chain = c.Chain.Select(l => new { name = l.Name, kind = l.Kind.ToString(), anonymous = l.Anonymous, key = l.Key }),
        verb = c.Verb,
        polarity = c.Polarity.ToString(),
        quotes = c.Quotes.Select(q => q.Text),
        numbers = c.Numbers.Select(n => new { text = n.Text, value = n.Value, unit = n.Unit, quantifies = n.Quantifies }),
        dates = c.Dates.Select(d => new { text = d.Text, date = d.Date?.ToString("yyyy-MM-dd"), end = d.End?.ToString("yyyy-MM-dd"), relative = d.Relative }),
        entities = c.Entities.Select(e => new { name = e.Name, kind = e.Kind.ToString(), key = e.Key }),
        headline = c.IsHeadline,
    };

    private static void WriteTable(string label, IReadOnlyList<Claim> claims)
    {
        var table = new Table().Title(Markup.Escape(label)).Border(TableBorder.Rounded);
        table.AddColumn("#");
        table.AddColumn("Claim");
        table.AddColumn("Chain (outer → inner)");
        table.AddColumn("Verb");
        table.AddColumn("Polarity");
        table.AddColumn("Numbers / dates / entities");
        foreach (var c in claims)
        {
            var chain = string.Join(" → ", c.Chain.Select(l => l.Anonymous ? $"{l.Name} (anon)" : l.Name));
            var extras = string.Join("\n", new[]
            {
                string.Join(", ", c.Numbers.Select(n => n.Quantifies is null ? n.Text : $"{n.Text} ({n.Quantifies})")),
                string.Join(", ", c.Dates.Select(d => d.Date is DateOnly x ? $"{d.Text}={x:yyyy-MM-dd}" : d.Text)),
                string.Join(", ", c.Entities.Select(e => e.Key)),
            }.Where(s => s.Length > 0));
            table.AddRow(c.Ordinal.ToString(), Markup.Escape(c.Text), Markup.Escape(chain), Markup.Escape(c.Verb ?? ""), c.Polarity.ToString(), Markup.Escape(extras));
        }
        AnsiConsole.Write(table);
    }
}
