using System.Text.Json;

namespace Contradictions.Cli.Tests;

/// <summary>End to end on the seeds: ingest, then claims --format json, checking the acceptance items.</summary>
public class IngestAndClaimsCommandTests
{
    private static readonly string Seeds = RepoRoot.File("data", "articles");

    private static JsonElement ClaimsJson(TempDir dir, string article)
    {
        var r = CliRunner.Run(dir.Path, null, "claims", article, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static JsonElement ClaimContaining(JsonElement claims, string text) =>
        claims.EnumerateArray().Single(c => c.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal));

    private static string[] Chain(JsonElement claim) =>
        claim.GetProperty("chain").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public void Ingest_twice_reports_new_then_already_stored_in_the_default_database()
    {
        using var dir = new TempDir();
        var first = CliRunner.Run(dir.Path, null, "ingest", Seeds);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("5 new, 0 already stored, 0 failed", first.Stdout);
        Assert.True(File.Exists(dir.File("contradictions.db")));
        var second = CliRunner.Run(dir.Path, null, "ingest", Seeds);
        Assert.Contains("0 new, 5 already stored, 0 failed", second.Stdout);
    }

    [Fact]
    public void Database_path_comes_from_the_environment_or_the_option()
    {
        using var dir = new TempDir();
        var env = CliRunner.Run(dir.Path, new Dictionary<string, string?> { ["CONTRADICTIONS_DB"] = dir.File("env.db") }, "ingest", Seeds);
        Assert.Equal(0, env.ExitCode);
        Assert.True(File.Exists(dir.File("env.db")));
        var opt = CliRunner.Run(dir.Path, new Dictionary<string, string?> { ["CONTRADICTIONS_DB"] = dir.File("env.db") }, "ingest", Seeds, "--db", dir.File("opt.db"));
        Assert.Contains("5 new", opt.Stdout);
        Assert.True(File.Exists(dir.File("opt.db")));
    }

    [Fact]
    public void Claims_json_meets_the_seed_acceptance_items()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, null, "ingest", Seeds).ExitCode);

        var umerov = ClaimContaining(ClaimsJson(dir, "002_01867d802962e3a7.txt"), "“90%”");
        Assert.Equal(["New York Post", "senior Trump administration official", "Rustem Umerov"], Chain(umerov));
        Assert.Equal("Asserted", umerov.GetProperty("polarity").GetString());
        Assert.Contains(umerov.GetProperty("numbers").EnumerateArray(), n => n.GetProperty("text").GetString() == "90%");
        var link = umerov.GetProperty("chain")[1];
        Assert.True(link.GetProperty("anonymous").GetBoolean());
        Assert.Equal("Anonymous", link.GetProperty("kind").GetString());

        var denial = ClaimContaining(ClaimsJson(dir, Path.Combine(Seeds, "000_280db32328ccc221.txt")), "The Ukrainian Ministry of Defense later denied");
        Assert.Equal("Ukrainian Ministry of Defense", Chain(denial)[^1]);
        Assert.Equal("Denied", denial.GetProperty("polarity").GetString());
        Assert.Contains(denial.GetProperty("numbers").EnumerateArray(), n => n.GetProperty("text").GetString() == "90%");

        var peskov = ClaimContaining(ClaimsJson(dir, "004_3733170f557291af.txt"), "a lot of fakes");
        Assert.Equal(["RIA Novosti", "Dmitry Peskov"], Chain(peskov)[^2..]);

        var footer = ClaimsJson(dir, "003_0df8127b532af0cd.txt");
        Assert.DoesNotContain(footer.EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("http", StringComparison.Ordinal)
                                                            || c.GetProperty("text").GetString()!.Contains("Post a Comment", StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_json_has_the_documented_field_names()
    {
        using var dir = new TempDir();
        CliRunner.Run(dir.Path, null, "ingest", Seeds);
        var first = ClaimsJson(dir, "1")[0];
        foreach (var field in new[] { "text", "span", "chain", "verb", "polarity", "numbers", "dates", "entities" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
        Assert.True(first.GetProperty("span").TryGetProperty("start", out _));
        var link = first.GetProperty("chain")[0];
        Assert.True(link.TryGetProperty("name", out _) && link.TryGetProperty("kind", out _) && link.TryGetProperty("anonymous", out _));
    }

    [Fact]
    public void Claims_table_and_unstored_file()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, null, "claims", Path.Combine(Seeds, "004_3733170f557291af.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Peskov", r.Stdout);
    }

    [Fact]
    public void Bad_inputs_are_reported_and_the_rest_is_stored_with_exit_code_1()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        File.WriteAllBytes(dir.File("in/empty.txt"), []);
        File.WriteAllBytes(dir.File("in/binary.txt"), [1, 2, 0, 0, 3]);
        File.WriteAllText(dir.File("in/lines.jsonl"), "{\"id\":\"ok\",\"body\":\"Officials said the port reopened.\"}\n{broken\n");
        File.WriteAllText(dir.File("in/good.txt"), "The army said the line held on Tuesday.");
        var r = CliRunner.Run(dir.Path, null, "ingest", dir.File("in"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("2 new, 0 already stored, 3 failed", r.Stdout);
        Assert.Contains("empty.txt: empty file", r.Stderr);
        Assert.Contains("binary.txt: binary file", r.Stderr);
        Assert.Contains("lines.jsonl:2: malformed JSON", r.Stderr);
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        using var dir = new TempDir();
        Assert.Equal(2, CliRunner.Run(dir.Path, null, "ingest").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, null, "claims", "x", "--format", "xml").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, null, "claims", "no-such-article").ExitCode);
    }
}
