using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.Storage;

namespace Contradictions.Cli.Tests.Commands;

public class ServeAndExportCommandTests
{
    [Fact]
    public void Serve_refuses_to_listen_off_loopback_without_a_token()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, null, "serve", "--db", dir.File("x.db"), "--urls", "http://0.0.0.0:5999");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("without a token", r.Stderr);
    }

    [Fact]
    public void Export_training_writes_reviewed_pairs_with_the_documented_labels()
    {
        using var dir = new TempDir();
        var scan = CliRunner.Run(dir.Path, null, "scan", RepoRoot.File("data", "articles"), "--format", "json", "--min-confidence", "0", "--quiet");
        Assert.True(scan.ExitCode == 0, scan.Stderr);
        var db = dir.File("contradictions.db");

        var empty = CliRunner.Run(dir.Path, null, "export-training", "--out", dir.File("none.csv"));
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("wrote 0 reviewed pair(s)", empty.Stdout);

        using (var store = ClaimStore.Open(db))
        {
            var flags = store.Flags();
            Assert.True(flags.Count >= 3, $"need three flags, got {flags.Count}");
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flags[0].Id, VerdictKinds.ARight, "ann", null, 0).Outcome);
            // The latest verdict counts: a_right then different_subjects exports as unrelated.
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flags[1].Id, VerdictKinds.ARight, "ann", null, 0).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flags[1].Id, VerdictKinds.DifferentSubjects, "bob", "not the same talks", 1).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(flags[2].Id, VerdictKinds.NotContradiction, "ann", null, 0).Outcome);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var r = CliRunner.Run(dir.Path, null, "export-training", "--out", "out/reviews.csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("wrote 3 reviewed pair(s)", r.Stdout);
        var loaded = LabeledClaimsLoader.Load(dir.File("out/reviews.csv"));
        Assert.Equal(3, loaded.Pairs.Count);
        Assert.Equal([Stance.Disagree, Stance.Discuss, Stance.Unrelated], loaded.Pairs.Select(p => p.Label).Order());
    }

    [Theory]
    [InlineData(VerdictKinds.ARight, "disagree")]
    [InlineData(VerdictKinds.BRight, "disagree")]
    [InlineData(VerdictKinds.Unresolved, "disagree")]
    [InlineData(VerdictKinds.NotContradiction, "discuss")]
    [InlineData(VerdictKinds.DifferentSubjects, "unrelated")]
    public void Verdicts_map_to_stance_labels(string verdict, string label) => Assert.Equal(label, ReviewExport.LabelOf(verdict));
}
