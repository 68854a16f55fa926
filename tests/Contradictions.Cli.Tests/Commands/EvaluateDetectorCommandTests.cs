using System.Text.Json;

namespace Contradictions.Cli.Tests.Commands;

/// <summary>
/// <c>evaluate-detector</c> on a hand-picked FNC-1 fixture (Fixtures/fnc-mini), checking the counting, not the model.
/// Hold-out bodies 666, 1376, 2385 agree and 1931 disagrees with two ISIS-border headlines; 738 and 794 swap
/// agree/disagree between two homeless-man headlines; 2093 only discusses. Body pairs: contradictions
/// {1931–2385, 1376–1931, 1931–666, 738–794}, consistent {1376–2385, 1376–666, 2385–666}. Training body 984
/// also disagrees with one headline and counts only with --split all (+3 contradictions).
/// </summary>
public class EvaluateDetectorCommandTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fnc-mini");

    private static JsonElement Evaluate(TempDir dir, params string[] extra)
    {
        var r = CliRunner.Run(dir.Path, null, ["evaluate-detector", "--data", Fixture, "--json", "--quiet", .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static double? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    [Fact]
    public void Hold_out_body_pairs_follow_the_headline_stances_and_metrics_agree_with_the_counts()
    {
        using var dir = new TempDir();
        var result = Evaluate(dir);

        Assert.Equal("hold-out", result.GetProperty("split").GetString());
        Assert.Equal(7, result.GetProperty("bodies").GetInt32());
        Assert.Equal(7, result.GetProperty("articles").GetInt32());
        Assert.Equal(4, result.GetProperty("headlines").GetInt32());
        Assert.Equal(4, result.GetProperty("contradictions").GetInt32());
        Assert.Equal(3, result.GetProperty("consistent").GetInt32());
        Assert.Equal(0, result.GetProperty("excluded_conflicting").GetInt32());
        Assert.Equal(4 / 7.0, result.GetProperty("base_rate_precision").GetDouble(), 9);
        Assert.InRange(result.GetProperty("compared_contradictions").GetInt32(), 0, 4);
        Assert.InRange(result.GetProperty("compared_consistent").GetInt32(), 0, 3);

        var rows = result.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal([0.3, 0.5, 0.7], rows.Select(r => r.GetProperty("threshold").GetDouble()));
        int previousFlagged = int.MaxValue;
        foreach (var row in rows)
        {
            int tp = row.GetProperty("true_positives").GetInt32(), fp = row.GetProperty("false_positives").GetInt32();
            int fn = row.GetProperty("false_negatives").GetInt32(), tn = row.GetProperty("true_negatives").GetInt32();
            Assert.Equal(4, tp + fn);
            Assert.Equal(3, fp + tn);
            Assert.True(tp + fp <= previousFlagged, "a higher threshold cannot flag more pairs");
            previousFlagged = tp + fp;
            Assert.Equal(tp / 4.0, row.GetProperty("recall").GetDouble(), 9);
            Assert.Equal(tp + fp == 0 ? null : tp / (double)(tp + fp), Nullable(row.GetProperty("precision")));
            Assert.All(new[] { "precision", "recall", "f1" }.Select(m => Nullable(row.GetProperty(m))), v => Assert.InRange(v ?? 0, 0, 1));
        }
        var main = rows.Single(r => r.GetProperty("threshold").GetDouble() == 0.5);
        Assert.Equal(Nullable(main.GetProperty("precision")), Nullable(result.GetProperty("precision")));
        Assert.Equal(Nullable(main.GetProperty("recall")), Nullable(result.GetProperty("recall")));
    }

    [Fact]
    public void All_bodies_bring_in_the_training_body_that_disagrees()
    {
        using var dir = new TempDir();
        var result = Evaluate(dir, "--split", "all", "--min-confidence", "0.6", "--thresholds", "0.2");

        Assert.Equal(8, result.GetProperty("bodies").GetInt32());
        Assert.Equal(7, result.GetProperty("contradictions").GetInt32());
        Assert.Equal(3, result.GetProperty("consistent").GetInt32());
        Assert.Equal([0.2, 0.6], result.GetProperty("thresholds").EnumerateArray().Select(r => r.GetProperty("threshold").GetDouble()));
    }

    [Fact]
    public void Text_report_marks_the_main_threshold_and_bad_input_is_an_error()
    {
        using var dir = new TempDir();
        var text = CliRunner.Run(dir.Path, null, "evaluate-detector", "--data", Fixture, "--quiet");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("4 contradictions (agree × disagree), 3 consistent (agree × agree)", text.Stdout);
        Assert.Contains("←", text.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("0.50", StringComparison.Ordinal)));

        var missing = CliRunner.Run(dir.Path, null, "evaluate-detector", "--data", dir.File("nowhere"), "--quiet");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error:", missing.Stderr);
        Assert.Equal(2, CliRunner.Run(dir.Path, null, "evaluate-detector", "--data", Fixture, "--split", "test").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, null, "evaluate-detector", "--data", Fixture, "--thresholds", "0.05").ExitCode);
    }
}
