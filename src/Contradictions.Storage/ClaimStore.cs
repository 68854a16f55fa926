using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Text;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// SQLite store of articles, claims, attribution chains and entities. <see cref="Open"/> creates or migrates the
/// schema. <see cref="Store"/> is idempotent (content hash is unique) and writes one article and all its claims
/// in a single transaction, so a failure never leaves half an article.
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
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        if (pooled) store.Execute($"PRAGMA cache_size=-{PooledCacheKiB};");
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
    }

    public StoreResult Store(Article article, IReadOnlyList<Claim> claims)
    {
        using var tx = _connection.BeginTransaction();
        long articleId;
        using (var insert = Command("""
            INSERT INTO articles(article_key, source_name, url, outlet, published, title, text, content_hash, ingested_at)
            VALUES ($key, $source, $url, $outlet, $published, $title, $text, $hash, $at)
            ON CONFLICT(content_hash) DO NOTHING
            RETURNING id
            """, tx))
        {
            insert.Parameters.AddWithValue("$key", article.Id);
            insert.Parameters.AddWithValue("$source", (object?)article.SourceName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$url", (object?)article.Url ?? DBNull.Value);
            insert.Parameters.AddWithValue("$outlet", (object?)article.Outlet ?? DBNull.Value);
            insert.Parameters.AddWithValue("$published", (object?)article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$title", (object?)article.Title ?? DBNull.Value);
            insert.Parameters.AddWithValue("$text", article.Text);
            insert.Parameters.AddWithValue("$hash", article.ContentHash);
            insert.Parameters.AddWithValue("$at", Now());
            var id = insert.ExecuteScalar();
            if (id is null)
            {
                tx.Rollback();
                using var find = Command("SELECT id FROM articles WHERE content_hash = $hash");
                find.Parameters.AddWithValue("$hash", article.ContentHash);
                return new StoreResult(StoreOutcome.AlreadyStored, (long)find.ExecuteScalar()!);
            }
            articleId = (long)id;
        }

        using var claimCmd = Command("""
            INSERT INTO claims(article_id, ordinal, text, span_start, span_length, verb, polarity, is_headline, payload)
            VALUES ($a, $o, $text, $s, $l, $verb, $pol, $h, $payload) RETURNING id
            """, tx);
        using var linkCmd = Command("INSERT INTO chain_links(claim_id, position, name, kind, anonymous, key) VALUES ($c, $p, $n, $k, $an, $key)", tx);
        using var entityCmd = Command("""
            INSERT INTO entities(key, name, kind) VALUES ($key, $name, $kind)
            ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING id
            """, tx);
        using var claimEntityCmd = Command("INSERT OR IGNORE INTO claim_entities(claim_id, entity_id) VALUES ($c, $e)", tx);

        foreach (var claim in claims)
        {
            claimCmd.Parameters.Clear();
            claimCmd.Parameters.AddWithValue("$a", articleId);
            claimCmd.Parameters.AddWithValue("$o", claim.Ordinal);
            claimCmd.Parameters.AddWithValue("$text", claim.Text);
            claimCmd.Parameters.AddWithValue("$s", claim.Span.Start);
            claimCmd.Parameters.AddWithValue("$l", claim.Span.Length);
            claimCmd.Parameters.AddWithValue("$verb", (object?)claim.Verb ?? DBNull.Value);
            claimCmd.Parameters.AddWithValue("$pol", claim.Polarity.ToString());
            claimCmd.Parameters.AddWithValue("$h", claim.IsHeadline ? 1 : 0);
            claimCmd.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(
                new ClaimPayload(claim.Quotes, claim.Numbers, claim.Dates, claim.Entities), ClaimPayload.Json));
            long claimId = (long)claimCmd.ExecuteScalar()!;

            for (int p = 0; p < claim.Chain.Count; p++)
            {
                var link = claim.Chain[p];
                linkCmd.Parameters.Clear();
                linkCmd.Parameters.AddWithValue("$c", claimId);
                linkCmd.Parameters.AddWithValue("$p", p);
                linkCmd.Parameters.AddWithValue("$n", link.Name);
                linkCmd.Parameters.AddWithValue("$k", link.Kind.ToString());
                linkCmd.Parameters.AddWithValue("$an", link.Anonymous ? 1 : 0);
                linkCmd.Parameters.AddWithValue("$key", link.Key);
                linkCmd.ExecuteNonQuery();
            }
            foreach (var e in claim.Entities)
            {
                entityCmd.Parameters.Clear();
                entityCmd.Parameters.AddWithValue("$key", e.Key);
                entityCmd.Parameters.AddWithValue("$name", e.Name);
                entityCmd.Parameters.AddWithValue("$kind", e.Kind.ToString());
                long entityId = (long)entityCmd.ExecuteScalar()!;
                claimEntityCmd.Parameters.Clear();
                claimEntityCmd.Parameters.AddWithValue("$c", claimId);
                claimEntityCmd.Parameters.AddWithValue("$e", entityId);
                claimEntityCmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return new StoreResult(StoreOutcome.Added, articleId);
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

    private List<StoredClaim> ReadClaims(string where, long? articleRowId)
    {
        var links = new Dictionary<long, List<AttributionLink>>();
        using (var lc = Command($"SELECT l.claim_id, l.name, l.kind, l.anonymous, l.key FROM chain_links l JOIN claims c ON c.id = l.claim_id {where} ORDER BY l.claim_id, l.position"))
        {
            if (articleRowId is long a) lc.Parameters.AddWithValue("$a", a);
            using var r = lc.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!links.TryGetValue(id, out var list)) links[id] = list = [];
                list.Add(new AttributionLink(r.GetString(1), Enum.Parse<LinkKind>(r.GetString(2)), r.GetInt64(3) != 0, r.GetString(4)));
            }
        }
        var result = new List<StoredClaim>();
        using var cmd = Command($"SELECT c.id, c.article_id, c.ordinal, c.text, c.span_start, c.span_length, c.verb, c.polarity, c.is_headline, c.payload FROM claims c {where} ORDER BY c.article_id, c.ordinal");
        if (articleRowId is long b) cmd.Parameters.AddWithValue("$a", b);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var payload = JsonSerializer.Deserialize<ClaimPayload>(reader.GetString(9), ClaimPayload.Json)!;
            var claim = new Claim(
                reader.GetInt32(2),
                reader.GetString(3),
                new TextSpan(reader.GetInt32(4), reader.GetInt32(5)),
                links.TryGetValue(id, out var chain) ? chain : [],
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Enum.Parse<Polarity>(reader.GetString(7)),
                payload.Quotes ?? [],
                payload.Numbers ?? [],
                payload.Dates ?? [],
                payload.Entities ?? [],
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

    public void Dispose() => _connection.Dispose();
}
