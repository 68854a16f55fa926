using System.Diagnostics;
using System.Text.Json;
using Contradictions.ML.Data;
using Microsoft.Data.Sqlite;

namespace Contradictions.Cli.Tests.Commands;

/// <summary>
/// Kills the real <c>scan</c> process (SIGKILL) while it stores articles and again while it stores flags,
/// runs it once more to completion, and compares the store with one uninterrupted scan of the same corpus.
/// </summary>
public class ScanInterruptionTests
{
    // Several hundred FNC-1 bodies: a scan takes seconds (ingest in batches of 128, about ten batches of scored
    // pairs with their flags), so each kill lands well inside the stage it targets even on a loaded machine.
    private const int Bodies = 400;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Scan_killed_mid_ingest_and_mid_scoring_then_rerun_ends_as_one_clean_scan()
    {
        using var dir = new TempDir();
        var corpus = WriteCorpus(dir.File("fnc.jsonl"));
        string clean = dir.File("clean.db"), killed = dir.File("killed.db");
        // Batches of 4,096 pairs (the default is 65,536), so the scoring stage commits several times.
        string[] Scan(string db) => ["scan", corpus, "--db", db, "--format", "json", "--min-confidence", "0", "--batch-size", "4096"];

        var cleanRun = CliRunner.Run(dir.Path, null, Scan(clean));
        Assert.True(cleanRun.ExitCode == 0, cleanRun.Stderr);
        var expected = Snapshot.Of(clean);
        Assert.True(expected.Articles.Count > 300 && expected.Flags.Count > 1_000 && expected.ScoredPairs > 5_000,
            $"{expected.Articles.Count} articles, {expected.Flags.Count} flags, {expected.ScoredPairs} pairs");

        // 1. Killed as soon as the first batch of articles is committed, before the rest are stored.
        var first = KillWhen(dir, Scan(killed), killed, "SELECT COUNT(*) FROM articles", n => n > 0);
        var afterIngestKill = Snapshot.Of(killed);
        Assert.InRange(afterIngestKill.Articles.Count, 1, expected.Articles.Count - 1);
        Assert.Equal(0, afterIngestKill.ScoredPairs);
        Assert.Empty(afterIngestKill.Flags);
        AssertConsistent(afterIngestKill, expected, first);

        // 2. The rerun stores the rest, then is killed as soon as the first batch of flags is committed: the scored
        // pairs are recorded only at the end, so the next run scores every pair again.
        var second = KillWhen(dir, Scan(killed), killed, "SELECT COUNT(*) FROM flags", n => n > 0);
        var afterScoringKill = Snapshot.Of(killed);
        Assert.Equal(expected.Articles, afterScoringKill.Articles);
        Assert.InRange(afterScoringKill.Flags.Count, 1, expected.Flags.Count - 1);
        Assert.Equal(0, afterScoringKill.ScoredPairs);
        AssertConsistent(afterScoringKill, expected, second);

        // 3. Run to completion: exactly what one uninterrupted scan stored and printed.
        var last = CliRunner.Run(dir.Path, null, Scan(killed));
        Assert.True(last.ExitCode == 0, last.Stderr);
        var actual = Snapshot.Of(killed);
        Assert.Equal(expected.Articles.Keys, actual.Articles.Keys);
        Assert.Equal(expected.Articles, actual.Articles);
        Assert.Equal(expected.Claims, actual.Claims);
        Assert.Equal(expected.ScoredPairs, actual.ScoredPairs);
        Assert.Equal(expected.Flags, actual.Flags);
        AssertConsistent(actual, expected, last);
        Assert.Equal(Report(cleanRun.Stdout), Report(last.Stdout));
    }

    /// <summary>Starts a scan, polls the store read-only until <paramref name="ready"/>, then kills the process.</summary>
    private static CliResult KillWhen(TempDir dir, string[] args, string db, string countSql, Func<long, bool> ready)
    {
        using var scan = CliRunner.Start(dir.Path, null, args);
        var clock = Stopwatch.StartNew();
        while (!ready(Count(db, countSql)))
        {
            if (scan.HasExited) Assert.Fail("scan finished before it could be killed: " + scan.WaitForExit(TimeSpan.FromSeconds(5)).Stderr);
            if (clock.Elapsed > StageTimeout) Assert.Fail($"no progress after {StageTimeout}: {countSql}");
            Thread.Sleep(10);
        }
        var killed = scan.Kill();
        Assert.NotEqual(0, killed.ExitCode);
        return killed;
    }

    /// <summary>What must hold after any kill: a sound file, no half article, no duplicate, only flags a clean scan stores.</summary>
    private static void AssertConsistent(Snapshot actual, Snapshot expected, CliResult run)
    {
        Assert.True(actual.IntegrityCheck == "ok", actual.IntegrityCheck + "\n" + run.Stderr);
        Assert.Equal(0, actual.ForeignKeyViolations);
        Assert.Equal(actual.Articles.Count, actual.Articles.Keys.Distinct().Count());
        foreach (var (key, claims) in actual.Articles) Assert.Equal(expected.Articles[key], claims);
        Assert.Subset(expected.Flags.ToHashSet(), actual.Flags.ToHashSet());
    }

    /// <summary>The scan's JSON without volatile parts: counts, every flag (id, sides, confidence, kind, explanation) and corroborations.</summary>
    private static string Report(string stdout)
    {
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.True(json.GetProperty("flags").GetArrayLength() > 0);
        return JsonSerializer.Serialize(new
        {
            articles = json.GetProperty("articles").GetInt32(),
            claims = json.GetProperty("claims").GetInt32(),
            flags = json.GetProperty("flags"),
            corroborations = json.GetProperty("corroborations"),
        });
    }

    private static string WriteCorpus(string path)
    {
        var bodies = FncLoader.LoadBodies(RepoRoot.File("data", "fnc-1", "train_bodies.csv"), skipBadRows: false, []);
        File.WriteAllLines(path, bodies.OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Take(Bodies)
            .Select(b => JsonSerializer.Serialize(new { id = "fnc-" + b.Key, body = b.Value })));
        return path;
    }

    /// <summary>A count from the store while the scan writes it; -1 until the file and its tables exist.</summary>
    private static long Count(string db, string sql)
    {
        if (!File.Exists(db)) return -1;
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    /// <summary>The store by content keys (article id, claim ordinal), so two stores compare regardless of row ids.</summary>
    private sealed record Snapshot(
        Dictionary<string, long> Articles,
        List<string> Claims,
        long ScoredPairs,
        List<string> Flags,
        string IntegrityCheck,
        int ForeignKeyViolations)
    {
        public static Snapshot Of(string db)
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
            c.Open();
            var articles = Rows(c, "SELECT a.article_key, COUNT(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY a.id")
                .ToDictionary(r => (string)r[0], r => (long)r[1]);
            var claims = Rows(c, "SELECT a.article_key, c.ordinal, c.text FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.id")
                .Select(r => string.Join('|', r)).ToList();
            var flags = Rows(c, """
                SELECT f.id, aa.article_key, ca.ordinal, ab.article_key, cb.ordinal, f.confidence, f.kind, f.explanation
                FROM flags f
                JOIN claims ca ON ca.id = f.claim_a JOIN articles aa ON aa.id = ca.article_id
                JOIN claims cb ON cb.id = f.claim_b JOIN articles ab ON ab.id = cb.article_id
                ORDER BY f.id
                """).Select(r => string.Join('|', r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
            return new Snapshot(
                articles,
                claims,
                (long)Rows(c, "SELECT COALESCE(SUM(LENGTH(partners)), 0) / 8 FROM scored_partners")[0][0],
                flags,
                string.Join('\n', Rows(c, "PRAGMA integrity_check").Select(r => r[0])),
                Rows(c, "PRAGMA foreign_key_check").Count);
        }

        private static List<object[]> Rows(SqliteConnection c, string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var rows = new List<object[]>();
            while (r.Read())
            {
                var row = new object[r.FieldCount];
                r.GetValues(row);
                rows.Add(row);
            }
            return rows;
        }
    }
}
