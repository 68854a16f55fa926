using System.Text;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Tests;

public class IngestTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Seeds_ingest_once_then_are_already_stored()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var seeds = RepoRoot.File("data", "articles");
        var first = Ingestor.Run(store, [seeds]);
        Assert.Equal(5, first.Added);
        Assert.Equal(0, first.Failed);
        Assert.True(first.Claims > 50);
        var second = Ingestor.Run(store, [seeds]);
        Assert.Equal(0, second.Added);
        Assert.Equal(5, second.AlreadyStored);
        Assert.Equal(5, store.ListArticles().Count);
    }

    [Fact]
    public void Each_committed_batch_hands_its_new_claims_with_their_row_ids_to_the_stored_callback()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var seeds = RepoRoot.File("data", "articles");
        var batches = new List<IReadOnlyList<StoredClaim>>();
        var options = new IngestOptions { BatchSize = 2, Parallelism = 2, Stored = batches.Add };

        var first = Ingestor.Run(store, [seeds], ingest: options);
        var again = Ingestor.Run(store, [seeds], ingest: options);

        // Five articles in batches of two: three calls, every stored claim once, in the order stored.
        Assert.Equal(3, batches.Count);
        Assert.Equal(store.AllClaims().Select(c => (c.ClaimId, c.ArticleRowId, c.Claim.Text)),
            batches.SelectMany(b => b).Select(c => (c.ClaimId, c.ArticleRowId, c.Claim.Text)));
        Assert.Equal(first.Claims, batches.Sum(b => b.Count));
        // Articles already stored add no claim and make no call.
        Assert.Equal(5, again.AlreadyStored);
    }

    [Fact]
    public void Folders_are_read_recursively()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("a/b"));
        File.WriteAllText(dir.File("a/b/deep.txt"), "A deep article says the bridge was rebuilt last year.");
        File.WriteAllText(dir.File("a/top.md"), "A markdown article says the port reopened in March.");
        File.WriteAllText(dir.File("a/ignored.bin"), "not an article");
        var results = ArticleReader.ReadPaths([dir.File("a")]).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.NotNull(r.Article));
    }

    [Fact]
    public void Html_main_content_is_extracted_with_metadata()
    {
        var result = Assert.Single(ArticleReader.ReadFile(Fixture("article.html")));
        var article = result.Article!;
        Assert.Equal("Reuters", article.Outlet);
        Assert.Equal(new DateOnly(2025, 4, 24), article.Published);
        Assert.Contains("denied that Kyiv had agreed", article.Text);
        Assert.DoesNotContain("Subscribe", article.Text);
        Assert.StartsWith("Minister denies deal report", article.Text);
    }

    [Fact]
    public void Malformed_jsonl_line_is_reported_with_its_line_and_the_rest_is_read()
    {
        var results = ArticleReader.ReadFile(Fixture("articles.jsonl")).ToList();
        Assert.Equal(3, results.Count);
        var error = Assert.Single(results, r => r.Error is not null).Error!;
        Assert.Equal(2, error.Line);
        Assert.EndsWith("articles.jsonl", error.File);
        Assert.Contains("malformed JSON", error.Message);
        var j1 = results[0].Article!;
        Assert.Equal("j1", j1.Id);
        Assert.Equal("Axios", j1.Outlet);
        Assert.StartsWith("Diplomats doubt the plan\n\n", j1.Text);
        Assert.Equal("TASS", results[2].Article!.Outlet);
    }

    [Fact]
    public void Csv_row_with_missing_columns_is_reported_with_its_line()
    {
        var results = ArticleReader.ReadFile(Fixture("articles.csv")).ToList();
        Assert.Equal(3, results.Count);
        var error = Assert.Single(results, r => r.Error is not null).Error!;
        Assert.Equal(3, error.Line);
        Assert.Contains("columns", error.Message);
        Assert.Equal("Financial Times", results[0].Article!.Outlet);
        Assert.Contains("The meeting was downgraded.", results[2].Article!.Text);
    }

    [Fact]
    public void Fnc1_bodies_csv_is_readable()
    {
        var first = ArticleReader.ReadFile(RepoRoot.File("data", "fnc-1", "train_bodies.csv")).Take(20).ToList();
        Assert.Equal(20, first.Count);
        Assert.All(first, r => Assert.NotNull(r.Article));
        Assert.Equal("0", first[0].Article!.Id);
    }

    [Fact]
    public void Empty_and_binary_files_are_errors()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("empty.txt"), []);
        File.WriteAllBytes(dir.File("binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        var empty = Assert.Single(ArticleReader.ReadFile(dir.File("empty.txt"))).Error!;
        var binary = Assert.Single(ArticleReader.ReadFile(dir.File("binary.txt"))).Error!;
        Assert.Contains("empty", empty.Message);
        Assert.Contains("binary", binary.Message);
        Assert.EndsWith("binary.txt", binary.File);
    }

    [Fact]
    public void Windows_1252_text_is_decoded_with_a_warning()
    {
        using var dir = new TempDir();
        var bytes = Encoding.Latin1.GetBytes("The minister said the caf\u00e9 was closed. ").Concat(new byte[] { 0x93, (byte)'N', (byte)'o', 0x94, (byte)'.' }).ToArray();
        File.WriteAllBytes(dir.File("cp1252.txt"), bytes);
        var result = Assert.Single(ArticleReader.ReadFile(dir.File("cp1252.txt")));
        Assert.Contains("café", result.Article!.Text);
        Assert.Contains("“No”", result.Article.Text);
        Assert.Contains(result.Warnings, w => w.Message.Contains("Windows-1252"));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_and_the_batch_goes_on()
    {
        using var dir = new TempDir();
        var big = dir.File("big.txt");
        using (var f = File.Create(big))
        {
            var line = Encoding.UTF8.GetBytes("The army said the front line held on Tuesday after heavy shelling overnight.\n");
            long target = 50L * 1024 * 1024 + 1;
            while (f.Length < target) f.Write(line);
        }
        File.WriteAllText(dir.File("small.txt"), "Officials said the port reopened on Monday after repairs.");
        using var store = ClaimStore.Open(dir.File("a.db"));
        var summary = Ingestor.Run(store, [big, dir.File("small.txt")]);
        Assert.Equal(1, summary.Added);
        Assert.Equal(1, summary.Failed);
        var error = Assert.Single(summary.Errors);
        Assert.Equal(big, error.File);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void Missing_path_is_an_error_not_an_exception()
    {
        var result = Assert.Single(ArticleReader.ReadPaths(["/no/such/file.txt"]));
        Assert.Contains("no such file", result.Error!.Message);
    }
}
