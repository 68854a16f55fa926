using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Storage.Ingest;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

public class ClaimStoreTests
{
    private static Article Sample(string text = "The Kremlin denied reports that 90% of troops had left. Officials said talks would go on.") =>
        ArticleFactory.Create("sample.txt", text, new ArticleMetadata(Outlet: "Daily Planet", Published: new DateOnly(2025, 4, 23)), "/in/sample.txt");

    [Fact]
    public void Open_creates_and_migrates_the_schema()
    {
        using var dir = new TempDir();
        using (var store = ClaimStore.Open(dir.File("a.db")))
        {
            Assert.Equal(Schema.Latest, store.SchemaVersion);
        }
        using var again = ClaimStore.Open(dir.File("a.db"));
        Assert.Equal(Schema.Latest, again.SchemaVersion);
    }

    [Fact]
    public void Open_migrates_a_database_that_only_has_a_version_table()
    {
        using var dir = new TempDir();
        var path = dir.File("old.db");
        OldSchemaStore.Create(path, 0);
        using var store = ClaimStore.Open(path);
        Assert.Equal(Schema.Latest, store.SchemaVersion);
        Assert.Equal(StoreOutcome.Added, store.Store(Sample(), ClaimExtractor.Extract(Sample())).Outcome);
    }

    [Fact]
    public void Migrating_a_version_9_store_keeps_claim_entity_links_in_their_key_and_cascades_them()
    {
        using var dir = new TempDir();
        var path = dir.File("v9.db");
        OldSchemaStore.Create(path, 9, """
                INSERT INTO articles(id, article_key, text, content_hash, ingested_at) VALUES (1, 'a', 'Kyiv and Moscow met.', 'h1', '2026-01-01T00:00:00Z');
                INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, polarity, payload) VALUES
                    (1, 1, 0, 'Kyiv met Moscow.', 0, 16, 'Asserted', '{}'), (2, 1, 1, 'Moscow met Kyiv.', 17, 16, 'Asserted', '{}');
                INSERT INTO entities(id, key, name, kind) VALUES (1, 'kyiv', 'Kyiv', 'Place'), (2, 'moscow', 'Moscow', 'Place');
                INSERT INTO claim_entities(claim_id, entity_id) VALUES (1, 1), (1, 2), (2, 2);
                """);

        using var c = Migrated(path);
        Assert.Equal("(1,1) (1,2) (2,2)", Rows(c, "SELECT claim_id, entity_id FROM claim_entities ORDER BY 1, 2"));
        // Without a rowid the table has no column of that name.
        Assert.Throws<SqliteException>(() => Rows(c, "SELECT rowid FROM claim_entities"));
        Rows(c, "PRAGMA foreign_keys = ON; DELETE FROM claims WHERE id = 1;");
        Assert.Equal("(2,2)", Rows(c, "SELECT claim_id, entity_id FROM claim_entities"));
        Assert.Throws<SqliteException>(() => Rows(c, "INSERT INTO claim_entities(claim_id, entity_id) VALUES (2, 2)"));
        Assert.Throws<SqliteException>(() => Rows(c, "INSERT INTO claim_entities(claim_id, entity_id) VALUES (2, 9)"));
    }

    [Fact]
    public void Migrating_a_version_9_store_drops_claim_entity_links_to_missing_rows_instead_of_failing()
    {
        using var dir = new TempDir();
        var path = dir.File("v9.db");
        // Written with foreign keys off (as plain SQL may be): links to a claim and to an entity that do not exist.
        OldSchemaStore.Create(path, 9, """
                PRAGMA foreign_keys = OFF;
                INSERT INTO articles(id, article_key, text, content_hash, ingested_at) VALUES (1, 'a', 'Kyiv met Moscow.', 'h1', '2026-01-01T00:00:00Z');
                INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, polarity, payload) VALUES (1, 1, 0, 'Kyiv met Moscow.', 0, 16, 'Asserted', '{}');
                INSERT INTO entities(id, key, name, kind) VALUES (1, 'kyiv', 'Kyiv', 'Place');
                INSERT INTO claim_entities(claim_id, entity_id) VALUES (1, 1), (1, 77), (5, 1);
                """);

        using var c = Migrated(path);
        Assert.Equal("(1,1)", Rows(c, "SELECT claim_id, entity_id FROM claim_entities"));
    }

    /// <summary>Opens the store at <paramref name="path"/> (migrating it to the latest schema), then a plain connection to it.</summary>
    private static SqliteConnection Migrated(string path)
    {
        using (var store = ClaimStore.Open(path))
        {
            Assert.Equal(Schema.Latest, store.SchemaVersion);
        }
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }

    private static string Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"({r.GetInt64(0)},{r.GetInt64(1)})");
        return string.Join(' ', rows);
    }

    [Fact]
    public void Open_refuses_a_newer_schema()
    {
        using var dir = new TempDir();
        var path = dir.File("new.db");
        using (var store = ClaimStore.Open(path)) { }
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (99, 'x')";
            cmd.ExecuteNonQuery();
        }
        Assert.Throws<InvalidOperationException>(() => ClaimStore.Open(path));
    }

    [Fact]
    public void Same_content_is_stored_once()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var article = Sample();
        var first = store.Store(article, ClaimExtractor.Extract(article));
        var renamed = article with { Id = "other-name.txt" };
        var second = store.Store(renamed, ClaimExtractor.Extract(renamed));
        Assert.Equal(StoreOutcome.Added, first.Outcome);
        Assert.Equal(StoreOutcome.AlreadyStored, second.Outcome);
        Assert.Equal(first.ArticleRowId, second.ArticleRowId);
        Assert.Single(store.ListArticles());
    }

    [Fact]
    public void Claims_round_trip_with_chain_numbers_dates_and_entities()
    {
        using var dir = new TempDir();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        using var store = ClaimStore.Open(dir.File("a.db"), time);
        var article = Sample();
        var extracted = ClaimExtractor.Extract(article);
        var id = store.Store(article, extracted).ArticleRowId;

        var stored = store.FindArticle("sample.txt")!;
        Assert.Equal(time.GetUtcNow(), stored.IngestedAt);
        Assert.Equal(article.ContentHash, stored.Article.ContentHash);
        Assert.Equal("Daily Planet", stored.Article.Outlet);
        Assert.Equal(new DateOnly(2025, 4, 23), stored.Article.Published);

        var claims = store.GetClaims(id);
        Assert.Equal(extracted.Count, claims.Count);
        var denial = claims[0];
        Assert.Equal(Polarity.Denied, denial.Polarity);
        Assert.Equal(extracted[0].Chain, denial.Chain);
        Assert.Equal(extracted[0].Span, denial.Span);
        Assert.Equal(90, Assert.Single(denial.Numbers).Value);
        Assert.Contains(denial.Entities, e => e.Key == "kremlin");
        Assert.Equal(extracted.Count, store.AllClaims().Count);
    }

    [Fact]
    public void Article_lookup_by_row_id_source_and_file_name()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var id = store.Store(Sample(), ClaimExtractor.Extract(Sample())).ArticleRowId;
        Assert.Equal(id, store.FindArticle(id.ToString())!.RowId);
        Assert.Equal(id, store.FindArticle("/in/sample.txt")!.RowId);
        Assert.Equal(id, store.FindArticle("/elsewhere/sample.txt")!.RowId);
        Assert.Null(store.FindArticle("missing.txt"));
    }

    [Fact]
    public void A_failure_midway_leaves_no_part_of_the_article()
    {
        using var dir = new TempDir();
        var path = dir.File("a.db");
        using var store = ClaimStore.Open(path);
        // Make the third chain link insert fail, after the article and first claims were written.
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER boom BEFORE INSERT ON chain_links WHEN NEW.name = 'Officials' BEGIN SELECT RAISE(ABORT, 'boom'); END;";
            cmd.ExecuteNonQuery();
        }
        var article = Sample();
        Assert.ThrowsAny<SqliteException>(() => store.Store(article, ClaimExtractor.Extract(article)));
        Assert.Empty(store.ListArticles());
        Assert.Empty(store.AllClaims());

        var other = Sample("A different article about something else entirely happened today.");
        Assert.Equal(StoreOutcome.Added, store.Store(other, ClaimExtractor.Extract(other)).Outcome);
    }

    [Fact]
    public void Claims_just_ingested_with_the_older_ones_read_back_are_every_stored_claim()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var seeds = Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        Ingestor.Run(store, seeds[..2]);
        var later = Ingestor.Run(store, seeds, ingest: new IngestOptions { KeepClaims = true });

        var combined = store.AllClaims(later.AddedClaims);
        var read = store.AllClaims();

        Assert.Equal(later.Claims, later.AddedClaims.Count);
        File.WriteAllText(dir.File("plain.txt"), "The port reopened in March, officials said on Tuesday.");
        var plain = Ingestor.Run(store, [dir.File("plain.txt")]);
        Assert.Equal(1, plain.Added);
        Assert.Empty(plain.AddedClaims);
        Assert.True(later.AddedClaims.Count > 0 && later.AddedClaims.Count < read.Count);
        Assert.Equal(read.Select(c => (c.ClaimId, c.ArticleRowId)), combined.Select(c => (c.ClaimId, c.ArticleRowId)));
        // The claims just stored are the ones in hand, not read back.
        Assert.All(later.AddedClaims, c => Assert.Contains(combined, d => ReferenceEquals(c, d)));
        // Every field, lists included, as stored and read back.
        Assert.Equal(read.Select(c => System.Text.Json.JsonSerializer.Serialize(c.Claim)), combined.Select(c => System.Text.Json.JsonSerializer.Serialize(c.Claim)));
    }

    [Fact]
    public void Claims_another_writer_stored_meanwhile_are_read_as_well()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var ingested = Ingestor.Run(store, [Directory.GetFiles(RepoRoot.File("data", "articles"), "000_*.txt").Single()], ingest: new IngestOptions { KeepClaims = true });
        using (var other = ClaimStore.Open(dir.File("a.db")))
        {
            var article = Sample();
            other.Store(article, ClaimExtractor.Extract(article));
        }

        var combined = store.AllClaims(ingested.AddedClaims);

        Assert.Equal(store.AllClaims().Select(c => c.ClaimId), combined.Select(c => c.ClaimId));
        Assert.Contains(combined, c => c.Claim.Text.Contains("90% of troops", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_copied_claims_have_a_stored_origin_and_a_claim_that_becomes_its_own_loses_its_row()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("o.db"));
        var a = Sample();
        var b = Sample("Officials said talks would go on. The Kremlin denied reports that 90% of troops had left.");
        var ids = new[] { a, b }.SelectMany(x => store.ClaimsOf(store.Store(x, ClaimExtractor.Extract(x)).ArticleRowId)).Select(c => c.ClaimId).Order().ToArray();
        Assert.Equal(4, ids.Length);
        string Own(long id) => Contradictions.Core.Detection.OriginClusterer.OriginIdOf(id);

        // Claims 3 and 4 copy 2 and 1; 1 and 2 are their own.
        store.SaveOrigins(new Dictionary<long, string> { [ids[0]] = Own(ids[0]), [ids[1]] = Own(ids[1]), [ids[2]] = Own(ids[1]), [ids[3]] = Own(ids[0]) });
        Assert.Equal(new Dictionary<long, string> { [ids[2]] = Own(ids[1]), [ids[3]] = Own(ids[0]) }, store.Origins());

        // 4 is found to be its own after all, and 2 a copy of 1: 4's row goes, 2 gets one, 3's stays.
        store.SaveOrigins(new Dictionary<long, string> { [ids[0]] = Own(ids[0]), [ids[1]] = Own(ids[0]), [ids[2]] = Own(ids[1]), [ids[3]] = Own(ids[3]) });
        Assert.Equal(new Dictionary<long, string> { [ids[1]] = Own(ids[0]), [ids[2]] = Own(ids[1]) }, store.Origins());

        Assert.True(Contradictions.Core.Detection.OriginClusterer.IsOwnOrigin(ids[3], Own(ids[3])));
        Assert.False(Contradictions.Core.Detection.OriginClusterer.IsOwnOrigin(ids[3], Own(ids[3]) + "0"));
        Assert.False(Contradictions.Core.Detection.OriginClusterer.IsOwnOrigin(12, "o:012"));
        Assert.False(Contradictions.Core.Detection.OriginClusterer.IsOwnOrigin(12, "x:12"));
        Assert.True(Contradictions.Core.Detection.OriginClusterer.IsOwnOrigin(long.MaxValue, Own(long.MaxValue)));
    }
}
