using System.Text.Json;
using Contradictions.Storage;

namespace Contradictions.Cli.Tests.Commands;

/// <summary>
/// Reliability in <c>scan</c>, <c>flags</c> and <c>sources</c> on the seeds scanned with the committed models into a
/// real SQLite file; verdicts are written through the store as the review server writes them.
/// </summary>
public class ReliabilityOutputTests
{
    private static readonly string Seeds = RepoRoot.File("data", "articles");

    private static JsonElement Run(TempDir dir, params string[] args)
    {
        var r = CliRunner.Run(dir.Path, null, args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static JsonElement Scan(TempDir dir) => Run(dir, "scan", Seeds, "--format", "json", "--min-confidence", "0", "--quiet");

    private static string Text(JsonElement flag, string side) => flag.GetProperty(side).GetProperty("text").GetString()!;

    /// <summary>The flag between seed 000's report that Umerov told US officials Kyiv "90%" supports the plan and the ministry's denial.</summary>
    private static JsonElement DenialFlag(JsonElement output) => output.GetProperty("flags").EnumerateArray().First(f =>
        (Text(f, "a") + Text(f, "b")).Contains("later denied", StringComparison.Ordinal) &&
        (Text(f, "a") + Text(f, "b")).Contains("Rustem Umerov told US officials", StringComparison.Ordinal));

    private static void AssertInterval(JsonElement e)
    {
        var (low, estimate, high) = (e.GetProperty("low").GetDouble(), e.GetProperty("estimate").GetDouble(), e.GetProperty("high").GetDouble());
        Assert.InRange(low, 0, 1);
        Assert.InRange(high, 0, 1);
        Assert.True(low <= estimate && estimate <= high, $"{e}: {low} {estimate} {high}");
    }

    [Fact]
    public void Scan_json_keeps_its_shape_and_gives_each_flag_both_sides_reliability()
    {
        using var dir = new TempDir();
        var scan = Scan(dir);

        Assert.Equal(["articles", "claims", "flags", "corroborations"], scan.EnumerateObject().Select(p => p.Name));
        var flags = scan.GetProperty("flags").EnumerateArray().ToList();
        Assert.NotEmpty(flags);
        foreach (var flag in flags)
        {
            Assert.Equal(["id", "confidence", "kind", "a", "b", "explanation", "reliability"], flag.EnumerateObject().Select(p => p.Name));
            var r = flag.GetProperty("reliability");
            Assert.Contains(r.GetProperty("likelier_right").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
            if (r.GetProperty("likelier_right").ValueKind == JsonValueKind.String) Assert.Contains(r.GetProperty("likelier_right").GetString(), new[] { "a", "b" });
            Assert.InRange(r.GetProperty("probability_a_right").GetDouble(), 0, 1);
            foreach (var side in new[] { "a", "b" })
            {
                var s = r.GetProperty(side);
                if (s.ValueKind == JsonValueKind.Null)
                {
                    // Only a claim that credits nobody (no chain, no outlet) has no rated source.
                    Assert.Empty(flag.GetProperty(side).GetProperty("chain").EnumerateArray());
                    continue;
                }
                AssertInterval(s);
                Assert.Equal(s.GetProperty("source").GetString(), s.GetProperty("sources").EnumerateArray().Last().GetProperty("source").GetString());
                Assert.All(s.GetProperty("sources").EnumerateArray(), AssertInterval);
            }
        }
        var denial = DenialFlag(scan).GetProperty("reliability");
        Assert.Equal("Rustem Umerov", denial.GetProperty("a").GetProperty("source").GetString());
        Assert.Equal("Ukrainian Ministry of Defense", denial.GetProperty("b").GetProperty("source").GetString());
    }

    [Fact]
    public void A_second_scan_reports_the_corroborations_of_the_first()
    {
        using var dir = new TempDir();
        static string Groups(JsonElement scan) => string.Join("\n", scan.GetProperty("corroborations").EnumerateArray()
            .Select(c => c.GetProperty("independent_origins").GetInt32() + ": " + string.Join(" | ", c.GetProperty("claims").EnumerateArray().Select(t => t.GetString()))).Order());

        var first = Scan(dir);
        var second = Scan(dir);

        // Seeds 000 and 002 carry the New York Post report in their own words: two independent origins of one claim.
        var report = first.GetProperty("corroborations").EnumerateArray().Single(c =>
            c.GetProperty("claims").EnumerateArray().Any(t => t.GetString()!.Contains("Rustem Umerov told US officials", StringComparison.Ordinal)));
        Assert.Equal(2, report.GetProperty("independent_origins").GetInt32());
        Assert.Contains(report.GetProperty("claims").EnumerateArray(), t => t.GetString()!.StartsWith("002", StringComparison.Ordinal));
        Assert.Equal(Groups(first), Groups(second));
    }

    [Fact]
    public void A_verdict_shows_at_once_in_sources_show_flags_and_the_estimates()
    {
        using var dir = new TempDir();
        var flag = DenialFlag(Scan(dir));
        var id = flag.GetProperty("id").GetInt64();
        var db = Path.Combine(dir.Path, "contradictions.db");
        var before = Run(dir, "sources", "show", "Rustem Umerov", "--format", "json").GetProperty("matches")[0];
        Assert.Empty(before.GetProperty("verdicts").EnumerateArray());

        using (var store = ClaimStore.Open(db))
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(id, VerdictKinds.BRight, "ann", "the ministry's statement is on record", 0).Outcome);

        var after = Run(dir, "sources", "show", "Rustem Umerov", "--format", "json").GetProperty("matches")[0];
        var verdict = after.GetProperty("verdicts").EnumerateArray().Single(v => v.GetProperty("id").GetInt64() == id);
        Assert.Equal("b_right", verdict.GetProperty("review").GetProperty("verdict").GetString());
        Assert.Equal("ann", verdict.GetProperty("review").GetProperty("reviewer").GetString());
        Assert.Equal("judged wrong", verdict.GetProperty("review").GetProperty("this_side").GetString());
        Assert.True(verdict.GetProperty("counted").GetBoolean());
        double Estimate(JsonElement m) => m.GetProperty("source").GetProperty("estimate").GetDouble();
        Assert.True(Estimate(after) < Estimate(before), $"Umerov {Estimate(before)} → {Estimate(after)}");
        Assert.Equal(1, after.GetProperty("source").GetProperty("evidence").GetProperty("rejected_by_reviewers").GetInt32());

        var ministry = Run(dir, "sources", "show", "Ukrainian Ministry of Defense", "--format", "json").GetProperty("matches")[0];
        Assert.Equal("judged right", ministry.GetProperty("verdicts").EnumerateArray().Single(v => v.GetProperty("id").GetInt64() == id)
            .GetProperty("review").GetProperty("this_side").GetString());
        var listed = Run(dir, "flags", "--format", "json", "--min-confidence", "0").GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == id);
        Assert.Equal("b", listed.GetProperty("reliability").GetProperty("likelier_right").GetString());

        // The table wraps at the console width: compare with runs of white space made single spaces.
        var table = string.Join(' ', CliRunner.Run(dir.Path, null, "sources", "show", "Rustem Umerov").Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"flag #{id}: b_right by ann", table, StringComparison.Ordinal);
        Assert.Contains("this side judged wrong", table, StringComparison.Ordinal);
    }
}
