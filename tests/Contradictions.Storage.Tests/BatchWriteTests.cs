using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Tests;

/// <summary>Batched writes: one transaction per batch, never half an article, row ids in input order.</summary>
public class BatchWriteTests
{
    private static ArticleClaims Item(string id, string text)
    {
        var article = ArticleFactory.Create(id, text, sourceName: "/in/" + id);
        return new ArticleClaims(article, ClaimExtractor.Extract(article));
    }

    [Fact]
    public void A_failing_article_in_a_batch_is_rolled_back_alone_and_reported()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        // The second article's chain link "Officials" fails after its article row and first claim were written.
        OldSchemaStore.Execute(path, "CREATE TRIGGER boom BEFORE INSERT ON chain_links WHEN NEW.name = 'Officials' BEGIN SELECT RAISE(ABORT, 'boom'); END;");
        var batch = new[]
        {
            Item("one.txt", "The Kremlin said the talks on the Black Sea were over. The minister told reporters the port was closed."),
            Item("two.txt", "The Kremlin denied reports that 90% of troops had left. Officials said talks would go on."),
            Item("three.txt", "The mayor said the bridge over the Dnipro would reopen in May. The Kremlin said nothing."),
        };

        var results = store.StoreBatch(batch);

        Assert.Equal(StoreOutcome.Added, results[0].Stored!.Outcome);
        Assert.Null(results[1].Stored);
        Assert.Contains("boom", results[1].Error);
        Assert.Equal(StoreOutcome.Added, results[2].Stored!.Outcome);
        Assert.Equal(["one.txt", "three.txt"], store.ListArticles().Select(a => a.Article.Id));
        Assert.Equal(batch[0].Claims.Count + batch[2].Claims.Count, store.AllClaims().Count);
        // Entities written inside the rolled-back article are gone and the third article's links still resolve.
        Assert.All(store.GetClaims(results[2].Stored!.ArticleRowId).SelectMany(c => c.Entities), e => Assert.False(string.IsNullOrEmpty(e.Key)));
        Assert.Equal(["0"], Column(path, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void A_batch_leaves_foreign_keys_checked_for_the_connection_s_other_writes()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        store.StoreBatch([Item("one.txt", "The Kremlin said the talks were over. Officials said talks would go on.")]);
        var single = Item("two.txt", "The mayor said the bridge would reopen.");
        store.Store(single.Article, single.Claims);
        long claim = store.AllClaims()[0].ClaimId;
        var p = new StanceProbabilities(0.1f, 0.7f, 0.1f, 0.1f);

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() =>
            store.SaveScores([(claim, 999_999, new ScoredPair(0.8f, FlagKind.Denial, ["cue"], p, p, 0.5f), true)]));

        Assert.Contains("FOREIGN KEY", error.Message);
        Assert.Empty(store.Flags());
        Assert.Equal(["0"], Column(path, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void A_failing_article_written_with_triggers_off_leaves_no_names_or_words_of_its_own_and_no_dangling_rows()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        // No trigger but the schema's: the batch is written with them off. The first article's second claim has no
        // text (the column is NOT NULL), after its first claim brought a new speaker and a new entity.
        var first = Item("one.txt", "Peskov said the Kremlin would reply. Officials said talks would go on.");
        var broken = first with { Claims = [first.Claims[0], first.Claims[1] with { Text = null! }] };
        var second = Item("two.txt", "Peskov said the Kremlin had replied on Monday.");

        var results = store.StoreBatch([broken, second]);

        Assert.NotNull(results[0].Error);
        Assert.Equal(StoreOutcome.Added, results[1].Stored!.Outcome);
        var claims = Column(path, "SELECT id FROM claims ORDER BY id");
        Assert.Equal(second.Claims.Count, claims.Count);
        Assert.Equal(claims, Column(path, "SELECT claim_id FROM claim_words_pending ORDER BY 1"));
        Assert.Equal(Column(path, "SELECT DISTINCT name FROM chain_links ORDER BY 1"), Column(path, "SELECT name FROM link_names ORDER BY 1"));
        Assert.Contains("Peskov", Column(path, "SELECT name FROM link_names"));
        Assert.Contains("kremlin", Column(path, "SELECT key FROM entities"));
        Assert.Equal(["0"], Column(path, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void A_trigger_of_someone_else_s_keeps_triggers_on_whatever_the_case_of_its_table_name()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using (ClaimStore.Open(path)) { }
        OldSchemaStore.Execute(path, "CREATE TABLE audit (claim_id INTEGER); CREATE TRIGGER TR_Audit AFTER INSERT ON Claims BEGIN INSERT INTO audit VALUES (NEW.id); END;");
        using var store = ClaimStore.Open(path);

        store.StoreBatch([Item("one.txt", "The Kremlin said the talks were over. Officials said talks would go on.")]);

        Assert.Equal(Column(path, "SELECT id FROM claims ORDER BY id"), Column(path, "SELECT claim_id FROM audit ORDER BY 1"));
    }

    [Fact]
    public void A_batch_does_the_insert_triggers_work_itself_and_leaves_every_trigger_on()
    {
        using var dir = new TempDir();
        // One store as a scan writes it (only the schema's triggers, off while the batch is written) and one with a
        // trigger of someone else's on claims (so all stay on and do the work): both list the same rows.
        var (own, other) = (dir.File("own.db"), dir.File("other.db"));
        using (ClaimStore.Open(other)) { }
        OldSchemaStore.Execute(other, "CREATE TABLE audit (claim_id INTEGER); CREATE TRIGGER tr_audit AFTER INSERT ON claims BEGIN INSERT INTO audit VALUES (NEW.id); END;");
        var batch = new[]
        {
            Item("one.txt", "Peskov said the talks on the Black Sea were over. The minister told reporters the port was closed."),
            Item("two.txt", "Umerov denied reports that 90% of troops had left. Peskov said talks would go on."),
            Item("three.txt", "The mayor said the bridge over the Dnipro would reopen in May."),
        };
        foreach (var path in new[] { own, other })
        {
            using var store = ClaimStore.Open(path);
            Assert.All(store.StoreBatch(batch), r => Assert.Equal(StoreOutcome.Added, r.Stored!.Outcome));
            // Triggers are on again on the store's connection: the verdict trigger sets the flag's status.
            var ids = store.AllClaims().Select(c => c.ClaimId).Order().ToList();
            var p = new StanceProbabilities(0.1f, 0.7f, 0.1f, 0.1f);
            store.SaveScores([(ids[0], ids[^1], new ScoredPair(0.8f, FlagKind.Denial, ["cue"], p, p, 0.5f), true)]);
            Assert.Equal(VerdictOutcome.Added, store.AddVerdict(store.Flags().Single().Id, VerdictKinds.ARight, "ann", null, 0).Outcome);
        }

        var claims = Column(own, "SELECT id FROM claims ORDER BY id");
        Assert.True(claims.Count >= 5);
        Assert.Equal(claims, Column(own, "SELECT claim_id FROM claim_words_pending ORDER BY 1"));
        Assert.Equal(claims, Column(other, "SELECT claim_id FROM claim_words_pending ORDER BY 1"));
        Assert.Equal(claims, Column(other, "SELECT claim_id FROM audit ORDER BY 1"));
        var names = Column(own, "SELECT DISTINCT name FROM chain_links ORDER BY 1");
        Assert.Contains("Peskov", names);
        Assert.Equal(names, Column(own, "SELECT name FROM link_names ORDER BY 1"));
        Assert.Equal(names, Column(other, "SELECT name FROM link_names ORDER BY 1"));
        Assert.Equal(["a_right"], Column(own, "SELECT status FROM flags"));
        Assert.Equal(["a_right"], Column(other, "SELECT status FROM flags"));
    }

    private static List<string> Column(string path, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read()) values.Add(Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    [Fact]
    public void A_batch_whose_every_article_fails_stores_nothing_and_reports_each()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        store.StoreBatch([Item("before.txt", "The mayor said the bridge over the Dnipro would reopen in May.")]);
        OldSchemaStore.Execute(path, "CREATE TRIGGER boom BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'boom'); END;");

        var results = store.StoreBatch([Item("one.txt", "The Kremlin said the talks were over."), Item("two.txt", "Officials said talks would go on.")]);

        Assert.All(results, r => Assert.Contains("boom", r.Error));
        Assert.All(results, r => Assert.Null(r.Stored));
        Assert.Equal(["before.txt"], store.ListArticles().Select(a => a.Article.Id));
        Assert.Single(store.AllClaims());
    }

    [Fact]
    public void The_same_content_twice_in_one_batch_is_stored_once()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var text = "The ministry said the grain corridor stayed open on Tuesday.";

        var results = store.StoreBatch([Item("a.txt", text), Item("b.txt", text)]);

        Assert.Equal(StoreOutcome.Added, results[0].Stored!.Outcome);
        Assert.Equal(StoreOutcome.AlreadyStored, results[1].Stored!.Outcome);
        Assert.Equal(results[0].Stored!.ArticleRowId, results[1].Stored!.ArticleRowId);
        Assert.Single(store.ListArticles());
    }

    [Fact]
    public void Parallel_ingest_stores_articles_in_input_order_in_batches()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        for (int i = 0; i < 40; i++)
        {
            File.WriteAllText(dir.File($"in/{i:D3}.txt"), $"Officials in town {i} said the bridge number {i} reopened after {i + 2} days of repairs.");
        }
        using var serial = ClaimStore.Open(dir.File("serial.db"));
        using var parallel = ClaimStore.Open(dir.File("parallel.db"));

        var one = Ingestor.Run(serial, [dir.File("in")], ingest: new IngestOptions { Parallelism = 1, BatchSize = 1 });
        var many = Ingestor.Run(parallel, [dir.File("in")], ingest: new IngestOptions { Parallelism = 4, BatchSize = 7 });

        Assert.Equal(40, one.Added);
        Assert.Equal((one.Added, one.Claims, one.Failed), (many.Added, many.Claims, many.Failed));
        var expected = serial.ListArticles().Select(a => (a.RowId, a.Article.Id)).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"{i:D3}.txt"), expected.Select(e => e.Id));
        Assert.Equal(expected, parallel.ListArticles().Select(a => (a.RowId, a.Article.Id)));
        Assert.Equal(serial.AllClaims().Select(c => (c.ClaimId, c.Claim.Text)), parallel.AllClaims().Select(c => (c.ClaimId, c.Claim.Text)));
    }

    [Fact]
    public void Only_flags_of_a_scored_batch_are_stored_and_scored_pairs_are_merged_per_claim_until_deleted()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        store.StoreBatch([Item("a.txt", "The minister said the talks were cancelled.\n\nThe ministry denied that the talks were cancelled.\n\nThe mayor said the port was open."),
                          Item("b.txt", "The port was closed on Monday, the governor said.")]);
        var ids = store.AllClaims().Select(c => c.ClaimId).Order().ToList();
        var p = new StanceProbabilities(0.1f, 0.7f, 0.1f, 0.1f);

        store.SaveScores([(ids[0], ids[1], new ScoredPair(0.8f, FlagKind.Denial, ["cue"], p, p, 0.75f), true),
                          (ids[0], ids[2], new ScoredPair(0.05f, FlagKind.Position, [], p, p, 0.1f), false)]);
        store.SaveScoredPairs([(ids[0], ids[2]), (ids[0], ids[1])]);
        store.SaveScoredPairs([(ids[0], ids[^1]), (ids[1], ids[^1]), (ids[0], ids[1])]);

        Assert.Equal((ids[0], ids[1]), (Assert.Single(store.Flags()).ClaimA, store.Flags()[0].ClaimB));
        var scored = store.ScoredPartners();
        Assert.Equal([ids[1], ids[2], ids[^1]], scored[ids[0]]);
        Assert.Equal([ids[^1]], scored[ids[1]]);
        Assert.True(ClaimStore.WasScored(scored, ids[1], ids[^1]));
        Assert.False(ClaimStore.WasScored(scored, ids[1], ids[2]));
        Assert.Throws<ArgumentException>(() => store.SaveScoredPairs([(ids[2], ids[1])]));
        // A deleted claim's row goes with it (its id may stay in a lower claim's partners: it is never a candidate again).
        OldSchemaStore.Execute(path, "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE article_key = 'a.txt'");
        Assert.Empty(store.ScoredPartners());
    }
}
