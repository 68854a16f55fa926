using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SourceRef = Contradictions.Core.Reliability.SourceRef;
using Contradictions.Storage.Detection;
using Contradictions.Storage.Reliability;
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
    private sealed record SourceEstimateJson(string Source, string Kind, double Estimate, double Low, double High);
    private sealed record SideReliabilityJson(string Source, string Kind, double Estimate, double Low, double High, IReadOnlyList<SourceEstimateJson> Sources);
    private sealed record ReliabilityJson(SideReliabilityJson? A, SideReliabilityJson? B, string? LikelierRight, double ProbabilityARight, string Reason);
    private sealed record FlagJson(long Id, double Confidence, string Kind, SideJson A, SideJson B, IReadOnlyList<string> Explanation, ReliabilityJson? Reliability);
    private sealed record CorroborationJson(IReadOnlyList<string> Claims, [property: JsonPropertyName("independent_origins")] int IndependentOrigins);
    private sealed record ScanJson(int Articles, int Claims, IReadOnlyList<FlagJson> Flags, IReadOnlyList<CorroborationJson> Corroborations);

    /// <param name="reliability">Source reliability over the store, computed once; each listed flag looks its two sides up in it.</param>
    public static void Write(string format, IReadOnlyList<FlagView> flags, ScanResult? scan, StoreReliability? reliability)
    {
        var sides = flags.ToDictionary(f => f.Id, f => reliability?.ForFlag(f.Id, f.A.ClaimId, f.B.ClaimId));
        switch (format)
        {
            case "json":
                Console.WriteLine(JsonSerializer.Serialize(new ScanJson(
                    scan?.Articles ?? 0, scan?.Claims ?? 0, flags.Select(f => ToJson(f, sides[f.Id])).ToArray(),
                    scan?.Corroborations.Select(c => new CorroborationJson(c.Claims, c.IndependentOrigins)).ToArray() ?? []), Json));
                break;
            case "csv":
                WriteCsv(flags, sides);
                break;
            default:
                WriteTable(flags, scan, sides);
                break;
        }
    }

    private static FlagJson ToJson(FlagView f, FlagReliability? r) =>
        new(f.Id, Math.Round(f.Confidence, 4), f.Kind.ToString().ToLowerInvariant(), Side(f.A), Side(f.B), f.Explanation, r is null ? null : ToJson(r));

    private static ReliabilityJson ToJson(FlagReliability r) =>
        new(ToJson(r.A), ToJson(r.B), Likelier(r), Math.Round(r.ProbabilityARight, 4), r.Reason);

    private static SideReliabilityJson? ToJson(SideReliability? side) => side is null ? null : new(
        side.Voice.Source.Name, Kind(side.Voice.Source), R(side.Voice.Estimate), R(side.Voice.Lower), R(side.Voice.Upper),
        side.Sources.Select(s => new SourceEstimateJson(s.Source.Name, Kind(s.Source), R(s.Estimate), R(s.Lower), R(s.Upper))).ToArray());

    private static string? Likelier(FlagReliability r) => r.LikelierRight switch { Core.Reliability.FlagSide.A => "a", Core.Reliability.FlagSide.B => "b", _ => null };

    private static string Kind(SourceRef s) => s.Kind.ToString().ToLowerInvariant();

    private static double R(double x) => Math.Round(x, 4);

    /// <summary>One line: each side's voice with its estimate and 90% interval, and the side more likely right.</summary>
    private static string Compact(FlagReliability? r) =>
        r is null ? "" : $"A: {Voice(r.A)} · B: {Voice(r.B)} · {LikelierLine(r)}";

    private static string Voice(SideReliability? s) => s is null ? "no rated source" : string.Create(CultureInfo.InvariantCulture,
        $"{s.Voice.Source.Name} {s.Voice.Estimate:0.00} [{s.Voice.Lower:0.00}–{s.Voice.Upper:0.00}]");

    private static string LikelierLine(FlagReliability r) => string.Create(CultureInfo.InvariantCulture,
        $"likelier right: {(Likelier(r) is { } side ? side.ToUpperInvariant() : "undetermined")} (P(A right) from sources {r.ProbabilityARight:0.00})");

    private static SideJson Side(FlagSide s) => new(s.Article, s.Outlet, s.Chain, s.Text, s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteCsv(IReadOnlyList<FlagView> flags, Dictionary<long, FlagReliability?> sides)
    {
        using var csv = CsvWriter.Create(Console.Out, new CsvWriterOptions(), true);
        foreach (var h in new[] { "id", "confidence", "kind", "a_article", "a_outlet", "a_chain", "a_text", "b_article", "b_outlet", "b_chain", "b_text", "explanation", "reliability", "likelier_right" }) csv.WriteField(h);
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
            csv.WriteField(Compact(sides[f.Id]));
            csv.WriteField(sides[f.Id] is { } r ? Likelier(r) ?? "" : "");
            csv.EndRecord();
        }
    }

    private static void WriteTable(IReadOnlyList<FlagView> flags, ScanResult? scan, Dictionary<long, FlagReliability?> sides)
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
            var bullets = f.Explanation.Select(e => "• " + e);
            if (sides[f.Id] is { } r)
            {
                // Source names come from article text: Text, never Markup.
                table.AddRow(new Text("reliability (90% interval): " + Voice(r.A)), new Text("reliability (90% interval): " + Voice(r.B)));
                bullets = bullets.Prepend(LikelierLine(r));
            }
            table.AddRow(new Text(string.Join("\n", bullets)), new Text(""));
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
