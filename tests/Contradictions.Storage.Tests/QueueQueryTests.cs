using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Stance;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

public class QueueQueryTests
{
    private static readonly string[] Outlets = ["Reuters", "New York Post", "Bloomberg", "Kyiv Independent", "Post and Courier"];
    private static readonly string[] Speakers = ["Dmitry Peskov", "Rustem Umerov", "Marco Rubio", "Volodymyr Zelensky", "The Kremlin"];
    private static readonly string[] Subjects = ["the ceasefire", "the peace talks", "Crimea", "the sanctions", "the 90% figure"];

    /// <summary>300 flags over 60 articles (480 claims) with varied outlets, speakers, kinds, confidences and verdicts.</summary>
    internal static void Fill(ClaimStore store)
    {
        var random = new Random(7);
        for (int a = 0; a < 60; a++)
        {
            var sentences = Enumerable.Range(0, 8).Select(i =>
                $"{Speakers[(a + i) % Speakers.Length]} said {Subjects[(a * 3 + i) % Subjects.Length]} would {(i % 2 == 0 ? "go ahead" : "not go ahead")} on April {i + 10}, round {a}.");
            var article = ArticleFactory.Create($"a{a}.txt", string.Join("\n\n", sentences),
                new ArticleMetadata(Outlet: Outlets[a % Outlets.Length], Published: new DateOnly(2025, 4, 1).AddDays(a)));
            store.Store(article, ClaimExtractor.Extract(article));
        }
        var claims = store.AllClaims();
        var pairs = new HashSet<(long, long)>();
        var batch = new List<(long A, long B, ScoredPair Score, bool Flag)>();
        var p = new StanceProbabilities(0.1f, 0.6f, 0.2f, 0.1f);
        var kinds = Enum.GetValues<FlagKind>();
        while (batch.Count < 300)
        {
            var x = claims[random.Next(claims.Count)];
            var y = claims[random.Next(claims.Count)];
            if (x.ArticleRowId == y.ArticleRowId) continue;
            var (lo, hi) = x.ClaimId < y.ClaimId ? (x.ClaimId, y.ClaimId) : (y.ClaimId, x.ClaimId);
            if (!pairs.Add((lo, hi))) continue;
            // Two decimals: many ties, so the order by id among equal confidences is exercised too.
            float confidence = (float)Math.Round(random.NextDouble(), 2);
            batch.Add((lo, hi, new ScoredPair(confidence, kinds[random.Next(kinds.Length)], ["cue"], p, p, 0.3f), true));
        }
        store.SaveScores(batch);
        foreach (var flag in store.Flags())
        {
            int roll = random.Next(10);
            if (roll < 6) continue;
            store.AddVerdict(flag.Id, VerdictKinds.All[random.Next(5)], "ann", null, 0);
            // Some flags are reviewed twice: the latest verdict is the status.
            if (roll == 9) store.AddVerdict(flag.Id, VerdictKinds.All[random.Next(5)], "bob", null, 1);
        }
    }

    /// <summary>The queue's rules applied in memory to everything stored: what the SQL must return.</summary>
    internal static List<long> Expected(ClaimStore store, FlagFilter f)
    {
        var claims = store.AllClaims().ToDictionary(c => c.ClaimId);
        var outlets = store.ListArticles().ToDictionary(a => a.RowId, a => a.Article.Outlet);
        bool Has(string? value, string? needle) => value is not null && value.Contains(needle!.Trim(), StringComparison.OrdinalIgnoreCase);
        bool Side(StoredFlag flag, Func<StoredClaim, bool> test) => test(claims[flag.ClaimA]) || test(claims[flag.ClaimB]);
        return store.Flags(double.NegativeInfinity).Where(flag =>
        {
            var history = store.Verdicts(flag.Id);
            var status = history.Count == 0 ? FlagFilter.Unreviewed : history[^1].Verdict;
            return (f.Status switch
            {
                null => true,
                FlagFilter.Unreviewed => status == FlagFilter.Unreviewed,
                FlagFilter.Reviewed => status != FlagFilter.Unreviewed,
                FlagFilter.Contradiction => status != FlagFilter.Unreviewed && VerdictKinds.IsContradiction(status),
                var s => status == s,
            })
            && (f.Kind is null || string.Equals(flag.Kind.ToString(), f.Kind, StringComparison.OrdinalIgnoreCase))
            && (f.MinConfidence is not double min || flag.Confidence >= min)
            && (f.Outlet is null || Side(flag, c => Has(outlets[c.ArticleRowId], f.Outlet)))
            && (f.Speaker is null || Side(flag, c => c.Claim.Chain.Any(l => Has(l.Name, f.Speaker))))
            && (f.Subject is null || Side(flag, c => WordMatch.Matches(c.Claim.Text, f.Subject)));
        }).OrderByDescending(flag => flag.Confidence).ThenBy(flag => flag.Id).Select(flag => flag.Id).ToList();
    }

    public static TheoryData<FlagFilter> Filters() =>
    [
        new FlagFilter(),
        new FlagFilter { Status = FlagFilter.Unreviewed, Kind = "position" },
        new FlagFilter { Outlet = "post" },
        new FlagFilter { Status = FlagFilter.Reviewed, Outlet = "Reuters" },
        new FlagFilter { Status = FlagFilter.Contradiction },
        new FlagFilter { Status = VerdictKinds.BRight },
        new FlagFilter { Speaker = "peskov", MinConfidence = 0.3 },
        new FlagFilter { Subject = " CEASEFIRE ", Kind = "Denial" },
        new FlagFilter { Subject = "90%" },
        // Words in order, the last one also the start of a longer word: "the peace talks", "Crimea".
        new FlagFilter { Subject = "peace talk" },
        new FlagFilter { Subject = "crim", Status = FlagFilter.Unreviewed },
        // Most claims match: the page walks the confidence-ordered queue index instead of sorting matches.
        new FlagFilter { Subject = "would" },
        new FlagFilter { Subject = "would", Status = FlagFilter.Reviewed, MinConfidence = 0.2 },
        // Side filters together: each on either side, all of them.
        new FlagFilter { Outlet = "Reuters", Speaker = "umerov" },
        new FlagFilter { Speaker = "peskov", Subject = "ceasefire", Status = FlagFilter.Unreviewed },
        new FlagFilter { Outlet = "post", Speaker = "rubio", Subject = "would", Kind = "position" },
        new FlagFilter { Kind = "nonsense" },
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public void Queue_page_filters_orders_and_pages_in_sql(FlagFilter filter)
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("q.db"));
        Fill(store);
        var expected = Expected(store, filter);
        const int pageSize = 7;
        // Every filter but the unknown kind selects more than a page, so page 2 has rows to get right.
        Assert.True(filter.Kind == "nonsense" ? expected.Count == 0 : expected.Count > pageSize, $"{expected.Count} flags match");

        var page2 = store.QueryFlags(filter, pageSize, pageSize);

        Assert.Equal(expected.Count, page2.Total);
        Assert.False(page2.TotalIsLowerBound);
        Assert.Equal(expected.Skip(pageSize).Take(pageSize), page2.Items.Select(q => q.Flag.Id));
        Assert.All(page2.Items, q => Assert.Equal(store.Verdicts(q.Flag.Id).Count, q.Version));

        // A count stopped at 20 reads fewer matches: the side filters then walk the queue index rather than
        // reading a side's flags, and the page is the same. The unfiltered count is always exact.
        var stopped = store.QueryFlags(filter, pageSize, pageSize, countLimit: 20);
        Assert.Equal(expected.Skip(pageSize).Take(pageSize), stopped.Items.Select(q => q.Flag.Id));
        bool filtered = filter != new FlagFilter();
        Assert.Equal(filtered ? (Math.Min(expected.Count, 20), expected.Count > 20) : (expected.Count, false), (stopped.Total, stopped.TotalIsLowerBound));
    }

    [Fact]
    public void Page_two_of_a_combined_filter_returns_the_right_rows_and_total()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("q.db"));
        Fill(store);
        var filter = new FlagFilter { Status = FlagFilter.Unreviewed, Outlet = "post", MinConfidence = 0.2 };
        var expected = Expected(store, filter);
        Assert.True(expected.Count > 20, $"the fixture should give more than two pages, got {expected.Count}");

        var page2 = store.QueryFlags(filter, 10, 10);

        Assert.Equal(expected.Count, page2.Total);
        Assert.Equal(expected[10..20], page2.Items.Select(q => q.Flag.Id));
        Assert.All(page2.Items, q => Assert.Equal(FlagFilter.Unreviewed, q.Status));
        Assert.Empty(store.QueryFlags(filter, expected.Count, 10).Items);
    }

    [Fact]
    public void Like_wildcards_in_a_filter_match_themselves()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("q.db"));
        Fill(store);

        Assert.Equal(0, store.QueryFlags(new FlagFilter { Subject = "c_asefire" }, 0, 10).Total);
        Assert.Equal(0, store.QueryFlags(new FlagFilter { Outlet = "%" }, 0, 10).Total);
        Assert.Equal("%a\\_b\\%c\\\\%", ClaimStore.Contains(" a_b%c\\ "));
    }

    [Fact]
    public void Migrating_a_version_3_store_carries_existing_verdicts_and_link_names_over()
    {
        using var dir = new TempDir();
        var path = dir.File("v3.db");
        OldSchemaStore.Create(path, 3, """
                INSERT INTO articles(id, article_key, text, content_hash, ingested_at) VALUES (1, 'a', 'One. Two. Three.', 'h', '2026-01-01T00:00:00Z');
                INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, polarity, payload) VALUES
                    (1, 1, 0, 'One.', 0, 4, 'Asserted', '{}'), (2, 1, 1, 'Two.', 5, 4, 'Asserted', '{}'), (3, 1, 2, 'Three.', 10, 6, 'Asserted', '{}');
                INSERT INTO flags(id, claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at) VALUES
                    (1, 1, 2, 0.9, 'Denial', '[]', '{"Ab":[0,1,0,0],"Ba":[0,1,0,0]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                    (2, 1, 3, 0.5, 'Factual', '[]', '{"Ab":[0,1,0,0],"Ba":[0,1,0,0]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                INSERT INTO chain_links(claim_id, position, name, kind, anonymous, key) VALUES (2, 0, 'Dmitry Peskov', 'Person', 0, 'dmitry peskov');
                INSERT INTO verdicts(flag_id, verdict, reviewer, created_at, version) VALUES
                    (1, 'a_right', 'ann', '2026-01-01T00:00:00Z', 1), (1, 'not_contradiction', 'bob', '2026-01-02T00:00:00Z', 2);
                """);

        using var store = ClaimStore.Open(path);

        Assert.Equal(Schema.Latest, store.SchemaVersion);
        Assert.Equal((VerdictKinds.NotContradiction, 2), (store.FindQueuedFlag(1)!.Status, store.FindQueuedFlag(1)!.Version));
        Assert.Equal((FlagFilter.Unreviewed, 0), (store.FindQueuedFlag(2)!.Status, store.FindQueuedFlag(2)!.Version));
        Assert.Equal([2L], store.QueryFlags(new FlagFilter { Status = FlagFilter.Unreviewed }, 0, 10).Items.Select(q => q.Flag.Id));
        // Link names stored before the migration are found by the speaker filter.
        Assert.Equal([1L], store.QueryFlags(new FlagFilter { Speaker = "peskov" }, 0, 10).Items.Select(q => q.Flag.Id));
        // New verdicts keep the status current (the trigger).
        Assert.Equal(VerdictOutcome.Added, store.AddVerdict(2, VerdictKinds.BRight, "cy", null, 0).Outcome);
        Assert.Equal([2L], store.QueryFlags(new FlagFilter { Status = FlagFilter.Contradiction }, 0, 10).Items.Select(q => q.Flag.Id));
    }
}
