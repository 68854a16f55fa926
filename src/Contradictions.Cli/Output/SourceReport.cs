using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Reliability;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;
using Spectre.Console;

namespace Contradictions.Cli.Output;

/// <summary>A source's part in one stored claim.</summary>
internal sealed record SourceClaimView(EvidenceClaim Claim, string Role);

/// <summary>A stored flag one of whose sides the source took part in.</summary>
internal sealed record SourceFlagView(EvidenceFlag Flag, string Side, EvidenceClaim This, EvidenceClaim Other)
{
    /// <summary>What the latest reviewer verdict means for the source's side, or null when unreviewed.</summary>
    public string? Outcome => Flag.Review?.Verdict switch
    {
        null => null,
        VerdictKinds.ARight or VerdictKinds.BRight => (Flag.Verdict == true) == (Side == "supports") ? "judged right" : "judged wrong",
        VerdictKinds.Unresolved => "contradiction confirmed, no side known",
        VerdictKinds.NotContradiction => "dismissed: not a contradiction",
        _ => "dismissed: different subjects",
    };

    /// <summary>Why the flag is or is not in the graph.</summary>
    public string CountedReason(double minFlagConfidence) => Flag.Review is { } r
        ? (Flag.Counted ? $"counted (reviewed {r.Verdict})" : $"not counted (reviewed {r.Verdict})")
        : Flag.Counted ? "counted" : string.Create(CultureInfo.InvariantCulture, $"not counted (below {minFlagConfidence:0.##})");
}

/// <summary>Everything behind one source's score.</summary>
internal sealed record SourceDetail(SourceReliability Reliability, bool PriorFromList, IReadOnlyList<SourceClaimView> Claims, IReadOnlyList<SourceFlagView> Flags);

/// <summary>Prints source reliabilities (<c>sources</c>) and the evidence behind one (<c>sources show</c>) as a table or JSON.</summary>
internal static class SourceReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record EvidenceJson(
        int Claims, int Supported, int Refuted, int Reported, int Corroborated, int Contradicted, int Denials,
        int ConfirmedByReviewers, int RejectedByReviewers, double AnonymousShare, double EffectiveEvidence);

    private sealed record SourceJson(
        string Name, string Kind, double Estimate, double Lower, double Upper, double Prior, bool PriorFromList, EvidenceJson Evidence);

    private sealed record ListJson(double MinFlagConfidence, int FlagsCounted, IReadOnlyList<SourceJson> Sources);

    private sealed record ClaimJson(long ClaimId, string Article, string Role, string Polarity, IReadOnlyList<string> Chain, string Text);

    private sealed record FlagSideJson(long ClaimId, string Article, IReadOnlyList<string> Chain, string Polarity, string Text);

    private sealed record ReviewJson(string Verdict, string Reviewer, string? Note, DateTimeOffset CreatedAt, int Version, string ThisSide);

    private sealed record FlagJson(long Id, string Kind, double Confidence, bool Counted, string Side, bool? Verdict, FlagSideJson This, FlagSideJson Other, ReviewJson? Review);

    private sealed record DetailJson(SourceJson Source, IReadOnlyList<string> Explanation, IReadOnlyList<ClaimJson> Claims, IReadOnlyList<FlagJson> Flags, IReadOnlyList<FlagJson> Verdicts);

    private sealed record ShowJson(double MinFlagConfidence, IReadOnlyList<DetailJson> Matches);

    public static void WriteList(string format, IReadOnlyList<SourceReliability> sources, Func<SourceRef, bool> priorFromList, StoreEvidence evidence)
    {
        var counted = evidence.Flags.Count(f => f.Counted);
        if (format == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(new ListJson(evidence.Options.MinFlagConfidence, counted,
                sources.Select(s => ToJson(s, priorFromList(s.Source))).ToArray()), Json));
            return;
        }

        var console = AnsiConsole.Console;
        console.MarkupLine(Markup.Escape(F($"{sources.Count} sources from {evidence.Claims.Count} claims and {counted} flags at confidence ≥ {evidence.Options.MinFlagConfidence:0.##}; 90% credible intervals.")));
        if (sources.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("source").AddColumn("kind").AddColumn(new TableColumn("est.").RightAligned()).AddColumn("90% interval")
            .AddColumn(new TableColumn("claims").RightAligned()).AddColumn("corr/contr/den").AddColumn(new TableColumn("evid.").RightAligned())
            .AddColumn("prior");
        foreach (var s in sources)
        {
            var e = s.Evidence;
            table.AddRow(
                Markup.Escape(s.Source.Name), Kind(s.Source), F($"{s.Estimate:0.00}"), F($"{s.Lower:0.00}–{s.Upper:0.00}"),
                F($"{e.Claims}"), F($"{e.Corroborated}/{e.Contradicted}/{e.Denials}"), F($"{e.EffectiveEvidence:0.0}"),
                priorFromList(s.Source) ? F($"list {s.Prior.Mean:0.00}") : F($"default {s.Prior.Mean:0.00}"));
        }

        console.Write(table);
    }

    public static void WriteDetails(string format, IReadOnlyList<SourceDetail> details, StoreEvidence evidence)
    {
        if (format == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(new ShowJson(evidence.Options.MinFlagConfidence, details.Select(ToJson).ToArray()), Json));
            return;
        }

        var console = AnsiConsole.Console;
        foreach (var d in details)
        {
            var s = d.Reliability;
            console.MarkupLine(Markup.Escape(F($"{s.Source.Name} ({Kind(s.Source)}): estimate {s.Estimate:0.00}, 90% interval {s.Lower:0.00}–{s.Upper:0.00}")));
            foreach (var line in s.Explanation) console.MarkupLine(Markup.Escape("  • " + line));

            console.MarkupLine(Markup.Escape($"Claims ({d.Claims.Count}):"));
            var claims = new Table().Border(TableBorder.Rounded).Expand().AddColumn("role").AddColumn("claim").AddColumn("article").AddColumn("chain");
            foreach (var c in d.Claims)
                claims.AddRow(Markup.Escape(c.Role), Markup.Escape(Polarity(c.Claim) + ": " + c.Claim.Text), Markup.Escape(c.Claim.Article), Markup.Escape(Chain(c.Claim.Chain)));
            if (d.Claims.Count > 0) console.Write(claims);

            console.MarkupLine(Markup.Escape(F($"Flags ({d.Flags.Count}; counted when confirmed by a reviewer, or unreviewed at confidence ≥ {evidence.Options.MinFlagConfidence:0.##}):")));
            if (d.Flags.Count > 0)
            {
                var flags = new Table().Border(TableBorder.Rounded).Expand().AddColumn("flag").AddColumn("this side").AddColumn("other side");
                foreach (var f in d.Flags)
                {
                    flags.AddRow(
                        Markup.Escape(F($"#{f.Flag.FlagId} {f.Flag.Kind.ToString().ToLowerInvariant()} {f.Flag.Confidence:0.00}\n{f.CountedReason(evidence.Options.MinFlagConfidence)}; this side {f.Side}")),
                        Markup.Escape($"{f.This.Text}\n{f.This.Article} via {Chain(f.This.Chain)}"),
                        Markup.Escape($"{f.Other.Text}\n{f.Other.Article} via {Chain(f.Other.Chain)}"));
                }

                console.Write(flags);
            }

            var verdicts = d.Flags.Where(f => f.Flag.Review is not null).ToList();
            console.MarkupLine(verdicts.Count == 0
                ? "Verdicts: none on the flags behind this source."
                : Markup.Escape(F($"Verdicts ({verdicts.Count}, the latest per flag):\n") + string.Join("\n", verdicts.Select(f => VerdictLine(f, f.Flag.Review!)))));
            console.WriteLine();
        }
    }

    private static string VerdictLine(SourceFlagView f, StoredVerdict r) =>
        F($"  • flag #{f.Flag.FlagId}: {r.Verdict} by {r.Reviewer} at {r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(r.Note is null ? "" : " (“" + r.Note + "”)")}: this side {f.Outcome}.");

    private static SourceJson ToJson(SourceReliability s, bool priorFromList)
    {
        var e = s.Evidence;
        return new SourceJson(s.Source.Name, Kind(s.Source), R(s.Estimate), R(s.Lower), R(s.Upper), R(s.Prior.Mean), priorFromList,
            new EvidenceJson(e.Claims, e.Supported, e.Refuted, e.Reported, e.Corroborated, e.Contradicted, e.Denials,
                e.ConfirmedByReviewers, e.RejectedByReviewers, R(e.AnonymousShare), R(e.EffectiveEvidence)));
    }

    private static DetailJson ToJson(SourceDetail d)
    {
        var flags = d.Flags.Select(f => new FlagJson(f.Flag.FlagId, f.Flag.Kind.ToString().ToLowerInvariant(), R(f.Flag.Confidence), f.Flag.Counted, f.Side,
            f.Flag.Verdict, Side(f.This), Side(f.Other),
            f.Flag.Review is { } r ? new ReviewJson(r.Verdict, r.Reviewer, r.Note, r.CreatedAt, r.Version, f.Outcome!) : null)).ToArray();
        return new DetailJson(
            ToJson(d.Reliability, d.PriorFromList),
            d.Reliability.Explanation,
            d.Claims.Select(c => new ClaimJson(c.Claim.ClaimId, c.Claim.Article, c.Role, Polarity(c.Claim), c.Claim.Chain, c.Claim.Text)).ToArray(),
            flags,
            flags.Where(f => f.Review is not null).ToArray());
    }

    private static FlagSideJson Side(EvidenceClaim c) => new(c.ClaimId, c.Article, c.Chain, Polarity(c), c.Text);

    private static string Kind(SourceRef s) => s.Kind.ToString().ToLowerInvariant();

    private static string Polarity(EvidenceClaim c) => c.Polarity.ToString().ToLowerInvariant();

    private static string Chain(IReadOnlyList<string> chain) => chain.Count == 0 ? "no attribution" : string.Join(" → ", chain);

    private static double R(double x) => Math.Round(x, 4);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
