using System.Text.RegularExpressions;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

/// <summary>The subject rule in memory (what the word index must do): the query's words follow each other in the text, the last one also as the start of a longer word when it has three or more letters.</summary>
internal static partial class WordMatch
{
    public static bool Matches(string text, string query)
    {
        var words = Words(text);
        var wanted = Words(query);
        if (wanted.Count == 0) return false;
        bool prefix = wanted[^1].Length >= 3;
        for (int i = 0; i + wanted.Count <= words.Count; i++)
        {
            bool all = true;
            for (int j = 0; j < wanted.Count && all; j++)
                all = words[i + j] == wanted[j] || (j == wanted.Count - 1 && prefix && words[i + j].StartsWith(wanted[j], StringComparison.Ordinal));
            if (all) return true;
        }
        return false;
    }

    private static List<string> Words(string s) => [.. Word().Matches(s.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>The queue's indexes: subject words (FTS5), capped counts, the migration that builds them, and the plans SQLite runs.</summary>
public class QueueIndexTests
{
    private static readonly StanceProbabilities P = new(0.1f, 0.6f, 0.2f, 0.1f);

    /// <summary>Two articles, each claim of the first flagged against the claim of the second at the same place; flag ids by the first side's text.</summary>
    private static Dictionary<string, long> TwoArticles(ClaimStore store)
    {
        string[] left = ["Le ministère a démenti l'accord sur les minerais.", "The minerals deal was signed in Kyiv on Monday.", "Nothing was agreed about the grain corridor."];
        string[] right = ["Officials said the deal on minerals had collapsed.", "Crimean officials rejected the whole plan.", "The ministry confirmed the talks would resume."];
        var a = ArticleFactory.Create("left.txt", string.Join("\n\n", left), new ArticleMetadata(Outlet: "Le Monde"));
        var b = ArticleFactory.Create("right.txt", string.Join("\n\n", right), new ArticleMetadata(Outlet: "Reuters"));
        long rowA = store.Store(a, ClaimExtractor.Extract(a)).ArticleRowId, rowB = store.Store(b, ClaimExtractor.Extract(b)).ArticleRowId;
        var claimsA = store.ClaimsOf(rowA);
        var claimsB = store.ClaimsOf(rowB);
        Assert.Equal(3, claimsA.Count);
        Assert.Equal(3, claimsB.Count);
        store.SaveScores([.. claimsA.Zip(claimsB, (x, y) => (x.ClaimId, y.ClaimId, new ScoredPair(0.7f, FlagKind.Position, ["cue"], P, P, 0.2f), true))]);
        return store.Flags().ToDictionary(f => claimsA.Single(c => c.ClaimId == f.ClaimA).Claim.Text[..6], f => f.Id);
    }

    private static long[] Subject(ClaimStore store, string subject) =>
        [.. store.QueryFlags(new FlagFilter { Subject = subject }, 0, 10).Items.Select(q => q.Flag.Id).Order()];

    [Fact]
    public void Subject_finds_a_flag_by_words_of_either_claim_ignoring_case_accents_and_punctuation()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var flag = TwoArticles(store);

        Assert.Equal([flag["Le min"]], Subject(store, "MINISTERE"));
        Assert.Equal([flag["Le min"]], Subject(store, "l'accord"));
        Assert.Equal([flag["Nothin"]], Subject(store, "talks would"));
        Assert.Equal([flag["The mi"]], Subject(store, " \"crimea\" "));
        Assert.Equal([flag["Le min"], flag["The mi"]], Subject(store, "minerals"));
    }

    [Fact]
    public void Writes_leave_the_word_index_to_the_subject_filter_which_brings_it_up_to_date_before_searching()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using var store = ClaimStore.Open(path);
        var flag = TwoArticles(store);
        using var sql = new SqliteConnection($"Data Source={path};Pooling=False");
        sql.Open();
        long Count(string query)
        {
            using var cmd = sql.CreateCommand();
            cmd.CommandText = query;
            return (long)cmd.ExecuteScalar()!;
        }
        // Stored, listed for the index, not yet in it: a scan never searches words and does not pay for them.
        Assert.Equal(6L, Count("SELECT COUNT(*) FROM claim_words_pending"));
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM claim_words WHERE claim_words MATCH 'minerals'"));
        // Filters other than the subject leave it alone.
        Assert.Equal(3, store.QueryFlags(new FlagFilter { Outlet = "reuters" }, 0, 10).Items.Count);
        Assert.Equal(6L, Count("SELECT COUNT(*) FROM claim_words_pending"));

        Assert.Equal([flag["Le min"], flag["The mi"]], Subject(store, "minerals"));
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM claim_words_pending"));
        Assert.Equal(0, store.IndexWords());

        // An article stored after a search is found by the next one, with one more flag on its claim.
        var c = ArticleFactory.Create("late.txt", "Grain exports through the corridor resumed on Friday.", new ArticleMetadata(Outlet: "BBC News"));
        long late = store.ClaimsOf(store.Store(c, ClaimExtractor.Extract(c)).ArticleRowId).Single().ClaimId;
        var grain = store.Flags().Single(f => f.Id == flag["Nothin"]);
        store.SaveScores([(grain.ClaimA, late, new ScoredPair(0.8f, FlagKind.Factual, ["cue"], P, P, 0.2f), true)]);
        long lateFlag = store.Flags().Single(f => f.ClaimB == late).Id;
        Assert.Equal(1L, Count("SELECT COUNT(*) FROM claim_words_pending"));
        Assert.Equal([flag["Nothin"], lateFlag], Subject(store, "grain"));
        Assert.Equal([lateFlag], Subject(store, "exports"));
        // The index holds exactly the stored texts (FTS5 compares it with the claims table, or fails).
        Assert.Equal(0L, Count("INSERT INTO claim_words(claim_words, rank) VALUES ('integrity-check', 1); SELECT COUNT(*) FROM claim_words_pending;"));
    }

    [Fact]
    public async Task A_subject_search_does_not_wait_for_another_writer_and_finds_its_claims_after_it()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using var store = ClaimStore.Open(path);
        var flag = TwoArticles(store);
        Assert.Equal([flag["Le min"], flag["The mi"]], Subject(store, "minerals"));

        // Another connection (a scan) stores a claim and a flag on it, and holds the write lock.
        var c = ArticleFactory.Create("late.txt", "Grain exports through the corridor resumed on Friday.", new ArticleMetadata(Outlet: "BBC News"));
        long late = store.ClaimsOf(store.Store(c, ClaimExtractor.Extract(c)).ArticleRowId).Single().ClaimId;
        store.SaveScores([(store.Flags().Single(f => f.Id == flag["Nothin"]).ClaimA, late, new ScoredPair(0.8f, FlagKind.Factual, ["cue"], P, P, 0.2f), true)]);
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        writer.Open();
        var tx = writer.BeginTransaction();

        // The search does not wait for the lock (ADO.NET would retry for 30 s): it reads the index as it stands.
        var search = Task.Run(() => Subject(store, "exports"));
        Assert.Same(search, await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Empty(await search);
        // Other filters read as ever, the new flag included.
        Assert.Contains(store.QueryFlags(new FlagFilter { Outlet = "bbc" }, 0, 10).Items, q => q.Flag.ClaimB == late);

        tx.Rollback();
        tx.Dispose();
        Assert.Equal([store.Flags().Single(f => f.ClaimB == late).Id], Subject(store, "exports"));
    }

    [Fact]
    public void Subject_words_must_follow_each_other_and_only_a_last_word_of_three_letters_is_a_prefix()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var flag = TwoArticles(store);

        Assert.Equal([flag["The mi"]], Subject(store, "minerals deal"));
        Assert.Empty(Subject(store, "deal minerals"));
        Assert.Equal([flag["The mi"]], Subject(store, "Kyiv on Mon"));
        Assert.Empty(Subject(store, "Kyiv on Mo"));
        Assert.Empty(Subject(store, "%"));
        Assert.Empty(Subject(store, "* OR NEAR("));
    }

    [Fact]
    public void A_count_that_stops_says_so_and_the_pages_go_on()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("q.db"));
        QueueQueryTests.Fill(store);
        var filter = new FlagFilter { Status = FlagFilter.Unreviewed };
        var expected = QueueQueryTests.Expected(store, filter);
        Assert.True(expected.Count > 60, $"{expected.Count} flags match");

        var first = store.QueryFlags(filter, 0, 10, countLimit: 25);
        var deep = store.QueryFlags(filter, 40, 10, countLimit: 25);
        var last = store.QueryFlags(filter, expected.Count - 5, 10, countLimit: 25);

        Assert.Equal((25, true), (first.Total, first.TotalIsLowerBound));
        Assert.Equal(expected[..10], first.Items.Select(q => q.Flag.Id));
        // Past the limit the count reaches the end of the page: there is at least one more flag.
        Assert.Equal((50, true), (deep.Total, deep.TotalIsLowerBound));
        Assert.Equal(expected[40..50], deep.Items.Select(q => q.Flag.Id));
        Assert.Equal((expected.Count, false), (last.Total, last.TotalIsLowerBound));
        Assert.Equal(expected[^5..], last.Items.Select(q => q.Flag.Id));
        Assert.Equal((expected.Count, false), (store.QueryFlags(filter, 0, 10).Total, store.QueryFlags(filter, 0, 10).TotalIsLowerBound));
    }

    [Fact]
    public void Migrating_a_version_6_store_indexes_claim_words_and_flag_articles_and_keeps_them_current()
    {
        using var dir = new TempDir();
        var path = dir.File("v6.db");
        OldSchemaStore.Create(path, 6, """
                INSERT INTO articles(id, article_key, outlet, text, content_hash, ingested_at) VALUES
                    (1, 'a', 'TASS', 'Moscow rejected the ceasefire. Kyiv agreed.', 'h1', '2026-01-01T00:00:00Z'),
                    (2, 'b', 'Reuters', 'The ceasefire held. Talks went on.', 'h2', '2026-01-01T00:00:00Z');
                INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, polarity, payload) VALUES
                    (1, 1, 0, 'Moscow rejected the ceasefire.', 0, 30, 'Asserted', '{}'), (2, 1, 1, 'Kyiv agreed.', 31, 12, 'Asserted', '{}'),
                    (3, 2, 0, 'The ceasefire held.', 0, 19, 'Asserted', '{}'), (4, 2, 1, 'Talks went on.', 20, 14, 'Asserted', '{}');
                INSERT INTO flags(id, claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at) VALUES
                    (1, 1, 3, 0.9, 'Position', '[]', '{"Ab":[0,1,0,0],"Ba":[0,1,0,0]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                    (2, 2, 4, 0.5, 'Factual', '[]', '{"Ab":[0,1,0,0],"Ba":[0,1,0,0]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                """);

        using (var store = ClaimStore.Open(path))
        {
            Assert.Equal(Schema.Latest, store.SchemaVersion);
            Assert.Equal([1L], Subject(store, "ceasefire"));
            Assert.Equal([2L], Subject(store, "kyiv"));
            Assert.Equal([1L, 2L], store.QueryFlags(new FlagFilter { Outlet = "reuters" }, 0, 10).Items.Select(q => q.Flag.Id).Order());
        }

        // Rows written by plain SQL after the migration: the triggers list the new and changed claims for the word
        // index, which the next subject search adds, and give the flag its articles (the next store to open).
        OldSchemaStore.Execute(path, """
                PRAGMA foreign_keys = ON;
                INSERT INTO articles(id, article_key, outlet, text, content_hash, ingested_at) VALUES (3, 'c', 'BBC News', 'Grain exports resumed.', 'h3', '2026-01-02T00:00:00Z');
                INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, polarity, payload) VALUES (5, 3, 0, 'Grain exports resumed.', 0, 22, 'Asserted', '{}');
                INSERT INTO flags(id, claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at) VALUES
                    (3, 4, 5, 0.7, 'Factual', '[]', '{"Ab":[0,1,0,0],"Ba":[0,1,0,0]}', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
                UPDATE claims SET text = 'Kyiv refused.' WHERE id = 2;
                DELETE FROM articles WHERE id = 1;
                """);

        using var again = ClaimStore.Open(path);
        Assert.Equal([3L], Subject(again, "grain exports"));
        Assert.Equal([3L], again.QueryFlags(new FlagFilter { Outlet = "bbc" }, 0, 10).Items.Select(q => q.Flag.Id));
        Assert.Empty(Subject(again, "rejected"));
        Assert.Empty(Subject(again, "kyiv"));
        // The index holds exactly the stored texts (FTS5 compares it with the claims table, or fails).
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "INSERT INTO claim_words(claim_words, rank) VALUES ('integrity-check', 1); SELECT COUNT(*) FROM claim_words_pending;";
        Assert.Equal(0L, integrity.ExecuteScalar());
    }

    public static TheoryData<FlagFilter, string> Walks() => new()
    {
        { new FlagFilter(), "ix_flags_queue" },
        { new FlagFilter { MinConfidence = 0.4 }, "ix_flags_queue" },
        { new FlagFilter { Status = FlagFilter.Unreviewed }, "ix_flags_queue_status" },
        { new FlagFilter { Status = VerdictKinds.ARight, Kind = "denial" }, "ix_flags_queue_status" },
        { new FlagFilter { Status = FlagFilter.Reviewed, MinConfidence = 0.2 }, "ix_flags_queue_status" },
        { new FlagFilter { Status = FlagFilter.Contradiction }, "ix_flags_queue_status" },
        { new FlagFilter { Status = FlagFilter.Unreviewed, Kind = "Factual" }, "ix_flags_queue_kind" },
        { new FlagFilter { Kind = "Position", MinConfidence = 0.5, Outlet = "post" }, "ix_flags_queue_kind" },
        { new FlagFilter { Speaker = "peskov", Subject = "ceasefire", ArticleRowId = 3 }, "ix_flags_queue" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public void Every_queue_query_reads_an_index_and_only_status_lists_sort_their_range(FlagFilter filter, string walked)
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("q.db"));
        QueueQueryTests.Fill(store);

        var plan = store.ExplainQueue(filter);

        var walk = plan.Where(l => l.StartsWith("walk:", StringComparison.Ordinal)).ToList();
        Assert.Matches($@"^walk: (SEARCH|SCAN) f USING COVERING INDEX {walked}\b", walk[0]);
        bool listed = filter.Status is FlagFilter.Reviewed or FlagFilter.Contradiction;
        Assert.Equal(listed, walk.Contains("walk: USE TEMP B-TREE FOR ORDER BY"));
        // Flags, articles and chain links are never scanned row by row (temporary tables and link names are).
        Assert.DoesNotContain(plan, l => Regex.IsMatch(l, @"SCAN (f|a|l)$"));
        Assert.All(plan.Where(l => Regex.IsMatch(l, @"(SEARCH|SCAN) f\b")), l => Assert.Contains("COVERING INDEX ix_flags_", l));
        if (filter.Outlet is not null) Assert.Contains("fill queue_outlet: SCAN a USING COVERING INDEX ix_articles_outlet", plan);
        if (filter.Speaker is not null) Assert.Contains("fill queue_speaker: SEARCH l USING COVERING INDEX ix_chain_links_name (name=?)", plan);
        if (filter.Subject is not null) Assert.Contains(plan, l => l.StartsWith("fill queue_subject: SCAN claim_words VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        if ((filter.Outlet ?? filter.Speaker ?? filter.Subject) is not null)
        {
            Assert.Contains(plan, l => l.StartsWith("from side: SEARCH f USING COVERING INDEX ix_flags_side_a (claim_a=?", StringComparison.Ordinal));
            Assert.Contains(plan, l => l.StartsWith("from side: SEARCH f USING COVERING INDEX ix_flags_side_b (claim_b=?", StringComparison.Ordinal));
        }
    }
}
