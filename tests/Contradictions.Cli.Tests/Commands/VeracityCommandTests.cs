using System.Globalization;
using System.Text.Json;

namespace Contradictions.Cli.Tests.Commands;

public sealed class VeracityCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("veracity-").FullName;
    private readonly string _train;
    private readonly string _test;

    public VeracityCommandTests()
    {
        // Split the real Emergent file by claim: every fourth claim (in id order) is held out.
        var lines = File.ReadAllLines(Path.Combine(RepoRoot.Path, "data", "emergent", "emergent_train.csv"));
        var claimIds = lines.Skip(1).Select(l => l[..l.IndexOf(',')]).Distinct().Order(StringComparer.Ordinal).ToList();
        var held = claimIds.Where((_, i) => i % 4 == 0).ToHashSet();
        _train = Path.Combine(_dir, "train.csv");
        _test = Path.Combine(_dir, "test.csv");
        File.WriteAllLines(_train, lines.Take(1).Concat(lines.Skip(1).Where(l => !held.Contains(l[..l.IndexOf(',')]))));
        File.WriteAllLines(_test, lines.Take(1).Concat(lines.Skip(1).Where(l => held.Contains(l[..l.IndexOf(',')]))));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Prints_reliability_weighted_accuracy_that_is_at_least_the_majority_vote_baseline()
    {
        var (exitCode, output, error) = CliRunner.Run(_dir, null, "veracity", "--train", _train, "--test", _test, "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var scores = json.RootElement.GetProperty("scores").EnumerateArray()
            .ToDictionary(s => s.GetProperty("method").GetString()!, s => s.GetProperty("scores").GetProperty("accuracy").GetDouble());
        Assert.Equal(60, json.RootElement.GetProperty("predictions").GetArrayLength());
        Assert.True(scores["reliability-weighted"] >= scores["majority vote of stances"],
            $"weighted {scores["reliability-weighted"]} vs majority {scores["majority vote of stances"]}");
    }

    [Fact]
    public void Table_output_names_the_methods_and_predictions_file_has_one_row_per_claim()
    {
        var predictions = Path.Combine(_dir, "predictions.csv");
        var (exitCode, output, error) = CliRunner.Run(_dir, null, "veracity", "--train", _train, "--test", _test, "--predictions", predictions);

        Assert.True(exitCode == 0, error);
        Assert.Contains("reliability-weighted", output, StringComparison.Ordinal);
        Assert.Contains("accuracy", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(predictions);
        Assert.Equal("claimId,claimTruth,confidence", rows[0]);
        Assert.Equal(61, rows.Length);
        Assert.All(rows.Skip(1), row =>
        {
            var fields = row.Split(',');
            Assert.Contains(fields[1], new[] { "true", "false", "unknown" });
            Assert.InRange(double.Parse(fields[2], CultureInfo.InvariantCulture), 0, 1);
        });
    }

    [Fact]
    public void Cross_validation_prints_every_method()
    {
        var (exitCode, output, error) = CliRunner.Run(_dir, null, "veracity", "--train", _train, "--cv", "3");

        Assert.True(exitCode == 0, error);
        Assert.Contains("3-fold cross-validation", output, StringComparison.Ordinal);
        Assert.Contains("majority vote of stances", output, StringComparison.Ordinal);
        Assert.Contains("predictive interval", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_is_reported_with_file_and_line()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllLines(bad, File.ReadLines(_test).Take(3).Append("c9,Claim,true,a9,Headline,maybe,http://x.example/,x.example"));

        var (exitCode, _, error) = CliRunner.Run(_dir, null, "veracity", "--train", _train, "--test", bad);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.csv:4", error, StringComparison.Ordinal);
        Assert.Contains("'maybe'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_exactly_one_of_test_or_cv()
    {
        var (exitCode, _, error) = CliRunner.Run(_dir, null, "veracity", "--train", _train);
        Assert.Equal(2, exitCode);
        Assert.Contains("--test", error, StringComparison.Ordinal);
    }
}
