using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Text;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// SQLite store of articles, claims, attribution chains and entities. <see cref="Open"/> creates or migrates the
/// schema. Writes (<see cref="Store"/>, <see cref="StoreBatch"/>) are idempotent (content hash is unique) and put an
/// article and all its claims in one transaction, so a failure or a killed process never leaves half an article.
/// </summary>
public sealed partial class ClaimStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;

    private ClaimStore(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    public string Path { get; private init; } = string.Empty;

    /// <summary>Page cache of a pooled connection: 64 MiB holds the queue indexes, chain links and claim texts of ~100k flags.</summary>
    public const int PooledCacheKiB = 65536;

    // How long SQLite waits for another connection's write lock before it reports the database busy.
    private const int BusyTimeoutMs = 5000;

    // About 40 MB of log between checkpoints by the writing connection (see Open).
    private const int AutoCheckpointPages = 10_000;

    /// <param name="path">SQLite file, created with its folder if missing.</param>
    /// <param name="time">Clock for stored times; the system clock by default.</param>
    /// <param name="pooled">
    /// Return the connection to Microsoft.Data.Sqlite's pool on dispose, with a larger page cache
    /// (<see cref="PooledCacheKiB"/>), so a server opening a store per request reads pages from memory instead of
    /// the file each time (WAL keeps the cache valid until another connection writes). Call
    /// <c>SqliteConnection.ClearAllPools()</c> before deleting the file.
    /// </param>
    public static ClaimStore Open(string path, TimeProvider? time = null, bool pooled = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = pooled }.ToString());
        connection.Open();
        var store = new ClaimStore(connection, time ?? TimeProvider.System) { Path = full };
        // WAL with synchronous=NORMAL: a killed process never loses a committed transaction (only a power cut can
        // lose the last ones, never corrupt). A 64 MB page cache (allocated as used) keeps index pages of random-key
        // inserts (claims, flags) out of read syscalls; checkpointing every ~40 MB of WAL instead of 4 MB means
        // fewer fsyncs (a scan checkpoints from a second connection instead: CheckpointInBackground). Temporary
        // storage in memory keeps the journals of savepoints (one per article when ingest retries a failed batch)
        // and of statements that may need undoing (upserts) out of a temporary file: they spilled to it past 64 KiB,
        // and ingest of the FNC-1 bodies made 336,000 writes to it (22,000 without); ingest took half the time.
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=" + BusyTimeoutMs + "; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=" + AutoCheckpointPages + "; PRAGMA temp_store=MEMORY;");
        // Triggers on whatever a pooled connection's last writer left (an article writer turns them off while it lives).
        store.EnableTriggers(true);
        store.Migrate();
        return store;
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
        int current = SchemaVersion;
        if (current > Schema.Latest)
        {
            throw new InvalidOperationException($"database schema version {current} is newer than this program supports ({Schema.Latest})");
        }
        for (int v = current; v < Schema.Latest; v++)
        {
            using var tx = _connection.BeginTransaction();
            Execute(Schema.Migrations[v], tx);
            using var cmd = Command("INSERT INTO schema_version(version, applied_at) VALUES ($v, $t)", tx);
            cmd.Parameters.AddWithValue("$v", v + 1);
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
        // Flags inserted by plain SQL without their articles (schema version 8) get them here; checked first, because an
        // update takes the write lock even when it changes nothing (the review server opens a store per request).
        // Only flags whose claims exist: one inserted with foreign keys off would otherwise be updated on every open.
        const string missing = """
            (article_a IS NULL OR article_b IS NULL)
            AND EXISTS (SELECT 1 FROM claims c WHERE c.id = flags.claim_a) AND EXISTS (SELECT 1 FROM claims c WHERE c.id = flags.claim_b)
            """;
        if (Scalar($"SELECT EXISTS (SELECT 1 FROM flags WHERE {missing})") is 1L)
        {
            Execute($"""
                UPDATE flags SET article_a = (SELECT c.article_id FROM claims c WHERE c.id = flags.claim_a),
                                 article_b = (SELECT c.article_id FROM claims c WHERE c.id = flags.claim_b)
                WHERE {missing}
                """);
        }
    }

    public IReadOnlyList<StoredArticle> ListArticles() => QueryArticles("ORDER BY a.id", null);

    /// <summary>By row id, article id (file name or input id), source name (path) or file name of the source.</summary>
    public StoredArticle? FindArticle(string reference)
    {
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
        {
            var byRow = QueryArticles("WHERE a.id = $r", ("$r", rowId));
            if (byRow.Count > 0) return byRow[0];
        }
        var found = QueryArticles("WHERE a.article_key = $r OR a.source_name = $r ORDER BY a.id", ("$r", reference));
        if (found.Count > 0) return found[0];
        var full = System.IO.Path.GetFullPath(reference);
        found = QueryArticles("WHERE a.source_name = $r ORDER BY a.id", ("$r", full));
        if (found.Count > 0) return found[0];
        var fileName = System.IO.Path.GetFileName(reference);
        found = QueryArticles("WHERE a.article_key = $r ORDER BY a.id", ("$r", fileName));
        return found.Count > 0 ? found[0] : null;
    }

    public StoredArticle? FindByContentHash(string hash)
    {
        var found = QueryArticles("WHERE a.content_hash = $r", ("$r", hash));
        return found.Count > 0 ? found[0] : null;
    }

    public IReadOnlyList<Claim> GetClaims(long articleRowId) => ReadClaims("WHERE c.article_id = $a", articleRowId).Select(c => c.Claim).ToList();

    /// <summary>Every stored claim, in article then ordinal order.</summary>
    public IReadOnlyList<StoredClaim> AllClaims() => ReadClaims(string.Empty, null);

    /// <summary>
    /// Every stored claim as <see cref="AllClaims()"/> gives them, reading back only those older than
    /// <paramref name="justStored"/> (what this process has just stored: a scan holds them already). If anything else
    /// was stored from the first of them on, by another process, everything is read.
    /// </summary>
    internal IReadOnlyList<StoredClaim> AllClaims(IReadOnlyList<StoredClaim> justStored)
    {
        ArgumentNullException.ThrowIfNull(justStored);
        if (justStored.Count == 0) return AllClaims();
        long first = justStored.Min(c => c.ClaimId);
        using (var count = Command("SELECT COUNT(*) FROM claims WHERE id >= $a"))
        {
            count.Parameters.AddWithValue("$a", first);
            if ((long)count.ExecuteScalar()! != justStored.Count) return AllClaims();
        }
        var all = ReadClaims("WHERE c.id < $a", first);
        all.AddRange(justStored);
        // The order AllClaims() reads them in (article, then ordinal; each pair is unique).
        all.Sort(static (x, y) => x.ArticleRowId != y.ArticleRowId ? x.ArticleRowId.CompareTo(y.ArticleRowId) : x.Claim.Ordinal.CompareTo(y.Claim.Ordinal));
        return all;
    }

    /// <param name="payload">False skips the JSON payload (quotes, numbers, dates, entities come back empty): for callers that need only text, polarity and chain.</param>
    /// <param name="parameter">Bound to <c>$a</c> in <paramref name="where"/>.</param>
    private List<StoredClaim> ReadClaims(string where, long? parameter, bool payload = true)
    {
        var links = new Dictionary<long, List<AttributionLink>>();
        using (var lc = Command($"SELECT l.claim_id, l.name, l.kind, l.anonymous, l.key FROM chain_links l JOIN claims c ON c.id = l.claim_id {where} ORDER BY l.claim_id, l.position"))
        {
            if (parameter is long a) lc.Parameters.AddWithValue("$a", a);
            using var r = lc.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!links.TryGetValue(id, out var list)) links[id] = list = [];
                list.Add(new AttributionLink(r.GetString(1), Enum.Parse<LinkKind>(r.GetString(2)), r.GetInt64(3) != 0, r.GetString(4)));
            }
        }
        var result = new List<StoredClaim>();
        using var cmd = Command($"SELECT c.id, c.article_id, c.ordinal, c.text, c.span_start, c.span_length, c.verb, c.polarity, c.is_headline{(payload ? ", c.payload" : "")} FROM claims c {where} ORDER BY c.article_id, c.ordinal");
        if (parameter is long b) cmd.Parameters.AddWithValue("$a", b);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var extras = payload ? JsonSerializer.Deserialize<ClaimPayload>(reader.GetString(9), ClaimPayload.Json)! : ClaimPayload.None;
            var claim = new Claim(
                reader.GetInt32(2),
                reader.GetString(3),
                new TextSpan(reader.GetInt32(4), reader.GetInt32(5)),
                links.TryGetValue(id, out var chain) ? chain : [],
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Enum.Parse<Polarity>(reader.GetString(7)),
                // Most claims have none of some of these: one shared empty list instead of an empty list per claim.
                extras.Quotes is { Count: > 0 } quotes ? quotes : [],
                extras.Numbers is { Count: > 0 } numbers ? numbers : [],
                extras.Dates is { Count: > 0 } dates ? dates : [],
                extras.Entities is { Count: > 0 } entities ? entities : [],
                reader.GetInt64(8) != 0);
            result.Add(new StoredClaim(id, reader.GetInt64(1), claim));
        }
        return result;
    }

    private List<StoredArticle> QueryArticles(string tail, (string Name, object Value)? parameter)
    {
        using var cmd = Command($"""
            SELECT a.id, a.article_key, a.source_name, a.url, a.outlet, a.published, a.title, a.text, a.ingested_at,
                   (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id)
            FROM articles a {tail}
            """);
        if (parameter is { } p) cmd.Parameters.AddWithValue(p.Name, p.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredArticle>();
        while (r.Read())
        {
            var article = new Article(r.GetString(1), r.GetString(7))
            {
                SourceName = r.IsDBNull(2) ? null : r.GetString(2),
                Url = r.IsDBNull(3) ? null : r.GetString(3),
                Outlet = r.IsDBNull(4) ? null : r.GetString(4),
                Published = r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Title = r.IsDBNull(6) ? null : r.GetString(6),
            };
            list.Add(new StoredArticle(r.GetInt64(0), article, DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture), r.GetInt32(9)));
        }
        return list;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    /// <summary>
    /// Until the returned object is disposed, the log is checkpointed from another thread every
    /// <paramref name="interval"/> (100 ms by default) instead of by this connection's commits (<see cref="WalCheckpointer"/>);
    /// disposing copies what is left. For long write jobs such as a scan.
    /// </summary>
    internal WalCheckpointer CheckpointInBackground(TimeSpan? interval = null)
    {
        Execute("PRAGMA wal_autocheckpoint=0");
        try
        {
            return new WalCheckpointer(Path, interval ?? TimeSpan.FromMilliseconds(100), () => Execute($"PRAGMA wal_autocheckpoint={AutoCheckpointPages}"));
        }
        catch
        {
            Execute($"PRAGMA wal_autocheckpoint={AutoCheckpointPages}");
            throw;
        }
    }

    /// <summary>This connection's autocheckpoint size in pages (0 while <see cref="CheckpointInBackground"/> runs).</summary>
    internal long WalAutoCheckpoint => (long)Scalar("PRAGMA wal_autocheckpoint")!;

    public void Dispose() => _connection.Dispose();
}
