using System.Text.Json;

namespace Contradictions.Cli.Tests.Commands;

/// <summary>The seeds scanned once into a real SQLite file, shared by the <c>sources</c> tests.</summary>
public sealed class ScannedSeeds : IDisposable
{
    private readonly TempDir _dir = new();

    public ScannedSeeds()
    {
        Db = _dir.File("seeds.db");
        var r = CliRunner.Run(_dir.Path, null, "scan", RepoRoot.File("data", "articles"), "--db", Db, "--format", "json", "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    public string Db { get; }

    public string Folder => _dir.Path;

    public JsonElement Json(params string[] args)
    {
        var r = CliRunner.Run(Folder, null, [.. args, "--db", Db, "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    public void Dispose() => _dir.Dispose();
}

public class SourcesCommandTests(ScannedSeeds seeds) : IClassFixture<ScannedSeeds>
{
    private static string Chain(JsonElement e) => string.Join(" → ", e.GetProperty("chain").EnumerateArray().Select(l => l.GetString()));

    private static JsonElement Match(JsonElement show) => show.GetProperty("matches").EnumerateArray().Single();

    [Fact]
    public void Sources_lists_outlets_and_speakers_with_the_estimate_inside_its_interval()
    {
        var sources = seeds.Json("sources").GetProperty("sources").EnumerateArray().ToList();

        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "outlet" && s.GetProperty("name").GetString() == "New York Post");
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "speaker" && s.GetProperty("name").GetString() == "Rustem Umerov");
        Assert.All(sources, s =>
        {
            var (lower, estimate, upper) = (s.GetProperty("lower").GetDouble(), s.GetProperty("estimate").GetDouble(), s.GetProperty("upper").GetDouble());
            Assert.True(lower < estimate && estimate < upper, $"{s.GetProperty("name")}: {lower} {estimate} {upper}");
            Assert.True(s.GetProperty("evidence").GetProperty("claims").GetInt32() >= 0);
        });
        var estimates = sources.Select(s => s.GetProperty("estimate").GetDouble()).ToList();
        Assert.Equal(estimates.OrderByDescending(e => e), estimates);
        // nypost.com is rated in the committed priors list.
        Assert.True(sources.Single(s => s.GetProperty("name").GetString() == "New York Post").GetProperty("prior_from_list").GetBoolean());
    }

    [Fact]
    public void Kind_and_sort_options_filter_and_order()
    {
        var outlets = seeds.Json("sources", "--kind", "outlet", "--sort", "evidence").GetProperty("sources").EnumerateArray().ToList();

        Assert.NotEmpty(outlets);
        Assert.All(outlets, s => Assert.Equal("outlet", s.GetProperty("kind").GetString()));
        var evidence = outlets.Select(s => s.GetProperty("evidence").GetProperty("effective_evidence").GetDouble()).ToList();
        Assert.Equal(evidence.OrderByDescending(e => e), evidence);
        var bad = CliRunner.Run(seeds.Folder, null, "sources", "--db", seeds.Db, "--kind", "people");
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public void Show_New_York_Post_gives_the_chain_through_the_anonymous_official_to_Umerov_and_the_90_percent_claim()
    {
        var show = Match(seeds.Json("sources", "show", "New York Post"));

        Assert.Equal("outlet", show.GetProperty("source").GetProperty("kind").GetString());
        var claim = show.GetProperty("claims").EnumerateArray().First(c =>
            Chain(c) == "New York Post → senior Trump administration official → Rustem Umerov"
            && c.GetProperty("text").GetString()!.Contains("90%", StringComparison.Ordinal));
        Assert.Equal("outlet", claim.GetProperty("role").GetString());
        Assert.EndsWith(".txt", claim.GetProperty("article").GetString(), StringComparison.Ordinal);
        var explanation = show.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(explanation, e => e.StartsWith("Estimate ", StringComparison.Ordinal));
        Assert.Contains(explanation, e => e.Contains("source-priors list", StringComparison.Ordinal));
        Assert.Empty(show.GetProperty("verdicts").EnumerateArray());
    }

    [Fact]
    public void Show_Ukrainian_Ministry_of_Defense_gives_its_denial_and_the_flag_against_Umerov()
    {
        var show = Match(seeds.Json("sources", "show", "Ukrainian Ministry of Defense", "--min-flag-confidence", "0.1"));

        var denial = show.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("polarity").GetString() == "denied");
        Assert.Contains("denied", denial.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("speaker", denial.GetProperty("role").GetString());
        var flag = show.GetProperty("flags").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "denial"
            && Chain(f.GetProperty("other")).EndsWith("Rustem Umerov", StringComparison.Ordinal));
        Assert.Equal("refutes", flag.GetProperty("side").GetString());
        Assert.True(flag.GetProperty("counted").GetBoolean());
        Assert.True(show.GetProperty("source").GetProperty("evidence").GetProperty("refuted").GetInt32() >= 1);
    }

    [Fact]
    public void Speakers_with_little_evidence_have_wide_intervals()
    {
        var sources = seeds.Json("sources", "--kind", "speaker").GetProperty("sources").EnumerateArray().ToList();
        var thin = sources.Where(s => s.GetProperty("evidence").GetProperty("effective_evidence").GetDouble() < 3).ToList();
        var outlets = seeds.Json("sources", "--kind", "outlet", "--sort", "evidence").GetProperty("sources").EnumerateArray().First();

        Assert.NotEmpty(thin);
        double Width(JsonElement s) => s.GetProperty("upper").GetDouble() - s.GetProperty("lower").GetDouble();
        Assert.All(thin, s => Assert.True(Width(s) > 0.45, $"{s.GetProperty("name")}: width {Width(s)}"));
        Assert.True(Width(outlets) < thin.Min(Width), "the best-evidenced outlet is narrower than any thinly evidenced speaker");
    }

    [Fact]
    public void Show_table_and_unknown_name()
    {
        var table = CliRunner.Run(seeds.Folder, null, "sources", "show", "senior Trump administration official", "--db", seeds.Db);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("Verdicts: none", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Umerov", table.Stdout, StringComparison.Ordinal);

        var missing = CliRunner.Run(seeds.Folder, null, "sources", "show", "Nobody In Particular", "--db", seeds.Db);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no source named", missing.Stderr, StringComparison.Ordinal);
    }
}
