using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contradictions.Storage.Detection;
using CsvHelper;
using Spectre.Console;

namespace Contradictions.Cli.Output;

/// <summary>Prints flags (and a scan's counts and corroborations) as a table, JSON or CSV.</summary>
internal static class FlagReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record SideJson(string Article, string? Outlet, IReadOnlyList<string> Chain, string Text, string? Published);
    private sealed record FlagJson(long Id, double Confidence, string Kind, SideJson A, SideJson B, IReadOnlyList<string> Explanation);
    private sealed record CorroborationJson(IReadOnlyList<string> Claims, [property: JsonPropertyName("independent_origins")] int IndependentOrigins);
    private sealed record ScanJson(int Articles, int Claims, IReadOnlyList<FlagJson> Flags, IReadOnlyList<CorroborationJson> Corroborations);

    public static void Write(string format, IReadOnlyList<FlagView> flags, ScanResult? scan)
    {
        switch (format)
        {
            case "json":
                Console.WriteLine(JsonSerializer.Serialize(new ScanJson(
                    scan?.Articles ?? 0, scan?.Claims ?? 0, flags.Select(ToJson).ToArray(),
                    scan?.Corroborations.Select(c => new CorroborationJson(c.Claims, c.IndependentOrigins)).ToArray() ?? []), Json));
                break;
            case "csv":
                WriteCsv(flags);
                break;
            default:
                WriteTable(flags, scan);
                break;
        }
    }

    private static FlagJson ToJson(FlagView f) => new(f.Id, Math.Round(f.Confidence, 4), f.Kind.ToString().ToLowerInvariant(), Side(f.A), Side(f.B), f.Explanation);

    private static SideJson Side(FlagSide s) => new(s.Article, s.Outlet, s.Chain, s.Text, s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteCsv(IReadOnlyList<FlagView> flags)
    {
        using var csv = CsvWriter.Create(Console.Out, new CsvWriterOptions(), true);
        foreach (var h in new[] { "id", "confidence", "kind", "a_article", "a_outlet", "a_chain", "a_text", "b_article", "b_outlet", "b_chain", "b_text", "explanation" }) csv.WriteField(h);
        csv.EndRecord();
        foreach (var f in flags)
        {
            csv.WriteField(f.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(f.Confidence.ToString("0.0000", CultureInfo.InvariantCulture));
            csv.WriteField(f.Kind.ToString().ToLowerInvariant());
            foreach (var s in new[] { f.A, f.B })
            {
                csv.WriteField(s.Article);
                csv.WriteField(s.Outlet ?? "");
                csv.WriteField(string.Join(" → ", s.Chain));
                csv.WriteField(s.Text);
            }
            csv.WriteField(string.Join(" | ", f.Explanation));
            csv.EndRecord();
        }
    }

    private static void WriteTable(IReadOnlyList<FlagView> flags, ScanResult? scan)
    {
        var console = AnsiConsole.Console;
        if (scan is not null)
        {
            console.MarkupLine(Markup.Escape($"{scan.Articles} articles, {scan.Claims} claims, {scan.PairsScored} new candidate pairs scored, {flags.Count} flags, {scan.Corroborations.Count} corroborated claims"));
        }
        if (flags.Count == 0)
        {
            console.MarkupLine("No flags at this confidence.");
            return;
        }
        foreach (var f in flags)
        {
            // Article text is untrusted: every string goes through Markup.Escape.
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"#{f.Id}  {f.Kind.ToString().ToLowerInvariant()}  confidence {f.Confidence:0.00}")))
                .AddColumn("A").AddColumn("B");
            table.AddRow(Markup.Escape(Describe(f.A)), Markup.Escape(Describe(f.B)));
            table.AddRow(new Markup(Markup.Escape(string.Join("\n", f.Explanation.Select(e => "• " + e)))), new Text(""));
            console.Write(table);
        }
        if (scan is { Corroborations.Count: > 0 })
        {
            console.MarkupLine("[bold]Corroborations[/] (independent origins: copies and syndication count once)");
            foreach (var c in scan.Corroborations.Take(10))
            {
                console.MarkupLine(Markup.Escape($"  {c.IndependentOrigins} independent origin(s), {c.Claims.Count} claims: {Short(c.Claims[0])}"));
            }
        }
    }

    private static string Describe(FlagSide s) =>
        $"{s.Text}\n\n{s.Article}{(s.Outlet is null ? "" : ", " + s.Outlet)}{(s.Published is null ? "" : ", " + s.Published.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}\nvia {(s.Chain.Count == 0 ? "no attribution" : string.Join(" → ", s.Chain))}";

    private static string Short(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
