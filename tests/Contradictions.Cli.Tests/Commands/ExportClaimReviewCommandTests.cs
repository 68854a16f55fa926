using System.Text.Json;
using Contradictions.Storage;

namespace Contradictions.Cli.Tests.Commands;

public class ExportClaimReviewCommandTests
{
    [Fact]
    public void Settled_contradictions_become_ClaimReviews_of_the_wrong_side()
    {
        using var dir = new TempDir();
        var scan = CliRunner.Run(dir.Path, null, "scan", RepoRoot.File("data", "articles"), "--format", "json", "--min-confidence", "0", "--quiet");
        Assert.True(scan.ExitCode == 0, scan.Stderr);
        var db = dir.File("contradictions.db");

        StoredFlag aRight, bRight, dismissed, unresolved;
        using (var store = ClaimStore.Open(db))
        {
            var flags = store.Flags();
            Assert.True(flags.Count >= 4, $"need four flags, got {flags.Count}");
            (aRight, bRight, dismissed, unresolved) = (flags[0], flags[1], flags[2], flags[3]);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(aRight.Id, VerdictKinds.ARight, "Ann Editor", "checked the ministry", 0).Outcome);
            // The latest verdict counts: not_contradiction then b_right is settled for A being wrong.
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(bRight.Id, VerdictKinds.NotContradiction, "ann", null, 0).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(bRight.Id, VerdictKinds.BRight, "Bob <Checker>", null, 1).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(dismissed.Id, VerdictKinds.ARight, "ann", null, 0).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(dismissed.Id, VerdictKinds.NotContradiction, "bob", null, 1).Outcome);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(unresolved.Id, VerdictKinds.Unresolved, "ann", null, 0).Outcome);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var r = CliRunner.Run(dir.Path, null, "export-claimreview");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        var reviews = root.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(2, reviews.Count);
        // In flag id order; the a_right flag's wrong side is B, the b_right flag's is A.
        var expectedRows = new[] { (Flag: aRight, Wrong: aRight.ClaimB, Reviewer: "Ann Editor"), (Flag: bRight, Wrong: bRight.ClaimA, Reviewer: "Bob <Checker>") }
            .OrderBy(e => e.Flag.Id).ToList();
        Assert.Equal(expectedRows.Select(e => $"flag-{e.Flag.Id}"), reviews.Select(x => x.GetProperty("identifier").GetString()));

        using (var store = ClaimStore.Open(db))
        {
            for (int i = 0; i < reviews.Count; i++)
            {
                var (review, wrongClaimId, reviewer) = (reviews[i], expectedRows[i].Wrong, expectedRows[i].Reviewer);
                var wrong = store.FindClaim(wrongClaimId)!;
                var article = store.FindArticleRow(wrong.ArticleRowId)!.Article;
                Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
                Assert.Equal(wrong.Claim.Text, review.GetProperty("claimReviewed").GetString());

                var item = review.GetProperty("itemReviewed");
                Assert.Equal("Claim", item.GetProperty("@type").GetString());
                // An unattributed claim in an article without an outlet has no claimant to name.
                if (ClaimReviewExport.ClaimantOf(wrong.Claim, article.Outlet) is { } expected)
                {
                    Assert.Equal(expected.Name, item.GetProperty("author").GetProperty("name").GetString());
                    Assert.Equal(expected.IsPerson ? "Person" : "Organization", item.GetProperty("author").GetProperty("@type").GetString());
                }
                else
                {
                    Assert.False(item.TryGetProperty("author", out _), item.ToString());
                }
                var appearance = item.GetProperty("appearance");
                if (article.Url is null) Assert.Equal(article.Id, appearance.GetProperty("identifier").GetString());
                else Assert.Equal(article.Url, appearance.GetProperty("url").GetString());
                if (article.Published is DateOnly published) Assert.Equal(published.ToString("yyyy-MM-dd"), item.GetProperty("datePublished").GetString());

                var rating = review.GetProperty("reviewRating");
                Assert.Equal("Rating", rating.GetProperty("@type").GetString());
                Assert.Equal(1, rating.GetProperty("ratingValue").GetInt32());
                Assert.Equal(5, rating.GetProperty("bestRating").GetInt32());
                Assert.Equal("False", rating.GetProperty("alternateName").GetString());
                Assert.Equal("Person", review.GetProperty("author").GetProperty("@type").GetString());
                Assert.Equal(reviewer, review.GetProperty("author").GetProperty("name").GetString());
                var latest = store.Verdicts(expectedRows[i].Flag.Id)[^1];
                Assert.Equal(latest.CreatedAt.UtcDateTime, DateTime.Parse(review.GetProperty("datePublished").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
            }
        }
        // Text is JSON-escaped, including characters that would end an HTML script element.
        Assert.DoesNotContain("<Checker>", r.Stdout);

        var file = CliRunner.Run(dir.Path, null, "export-claimreview", "--db", db, "--out", "out/reviews.jsonld");
        Assert.True(file.ExitCode == 0, file.Stderr);
        Assert.Contains("wrote 2 ClaimReview(s)", file.Stdout);
        using var written = JsonDocument.Parse(File.ReadAllText(dir.File("out/reviews.jsonld")));
        Assert.Equal(2, written.RootElement.GetProperty("@graph").GetArrayLength());
    }

    [Fact]
    public void Claimant_is_the_innermost_named_speaker_else_the_outlet()
    {
        using var dir = new TempDir();
        var text = "Rustem Umerov said Kyiv supports 90% of the plan, the New York Post reported, citing a senior official.\n\nSources said the talks would resume.";
        var article = Contradictions.Core.Articles.ArticleFactory.Create("c.txt", text, new Contradictions.Core.Articles.ArticleMetadata(Outlet: "Daily Planet"));
        var claims = Contradictions.Core.Claims.ClaimExtractor.Extract(article);

        var named = ClaimReviewExport.ClaimantOf(claims[0], "Daily Planet");
        var anonymous = ClaimReviewExport.ClaimantOf(claims[^1], "Daily Planet");

        Assert.Equal(new Claimant("Rustem Umerov", IsPerson: true), named);
        Assert.Equal(new Claimant("Daily Planet", IsPerson: false), anonymous);
        Assert.Null(ClaimReviewExport.ClaimantOf(claims[^1] with { Chain = [] }, null));
    }
}
