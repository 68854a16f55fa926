using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>An article to store with the claims extracted from it.</summary>
public sealed record ArticleClaims(Article Article, IReadOnlyList<Claim> Claims)
{
    /// <summary>
    /// Each claim's stored payload (quotes, numbers, dates, entities as JSON), when made ahead: ingest makes them on
    /// its extracting threads, so the one thread that writes does only the writing.
    /// </summary>
    internal IReadOnlyList<byte[]>? Payloads { get; init; }

    internal static ArticleClaims WithPayloads(Article article, IReadOnlyList<Claim> claims) =>
        new(article, claims) { Payloads = claims.Select(ClaimPayload.SerializeUtf8).ToArray() };
}

/// <summary>What happened to one article of a batch: stored (or already stored), or why it could not be.</summary>
public sealed record BatchStoreResult(StoreResult? Stored, string? Error);

/// <summary>Article writes: one article, or a batch of articles in one transaction.</summary>
public sealed partial class ClaimStore
{
    /// <summary>Stores one article and its claims in one transaction; a failure throws and leaves nothing of it.</summary>
    public StoreResult Store(Article article, IReadOnlyList<Claim> claims)
    {
        using var trusted = OwnReferencesOnly();
        using var tx = _connection.BeginTransaction();
        using var writer = new ArticleWriter(this, tx);
        var result = writer.Write(article, claims);
        tx.Commit();
        return result;
    }

    /// <summary>
    /// Stores many articles in one transaction (one commit instead of one per article is most of ingest's speed).
    /// An article that fails is rolled back alone and reported; a killed process loses the whole uncommitted batch
    /// and never half an article, and the next run stores it again.
    /// </summary>
    public IReadOnlyList<BatchStoreResult> StoreBatch(IReadOnlyList<ArticleClaims> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // A savepoint per article journals every page the article touches, about a sixth of ingest's writing, to
        // undo an article that almost never fails. So the batch is written without them, and only when an article
        // fails is the whole batch rolled back and written again with a savepoint per article.
        return WriteBatch(batch, savepoints: false) ?? WriteBatch(batch, savepoints: true)!;
    }

    /// <returns>Null when an article failed without savepoints (the transaction is rolled back).</returns>
    private BatchStoreResult[]? WriteBatch(IReadOnlyList<ArticleClaims> batch, bool savepoints)
    {
        var results = new BatchStoreResult[batch.Count];
        using var trusted = OwnReferencesOnly();
        using var tx = _connection.BeginTransaction();
        using var writer = new ArticleWriter(this, tx);
        for (int i = 0; i < batch.Count; i++)
        {
            if (savepoints) tx.Save("article");
            try
            {
                results[i] = new BatchStoreResult(writer.Write(batch[i].Article, batch[i].Claims, batch[i].Payloads), null);
                if (savepoints) tx.Release("article");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!savepoints)
                {
                    tx.Rollback();
                    return null;
                }
                tx.Rollback("article");
                tx.Release("article");
                // Entity and name rows inserted inside the rolled-back savepoint are gone: forget them.
                writer.ForgetRolledBack();
                results[i] = new BatchStoreResult(null, e.Message);
            }
        }
        tx.Commit();
        return results;
    }

    /// <summary>
    /// Brings the word index of claim texts (the review queue's subject filter) up to date: adds the claims the
    /// triggers listed as new or changed since, in one statement and one transaction (one FTS5 segment). Writes do
    /// not index: a scan does not search words, and indexing each ingest batch as it was written took about a tenth
    /// of a scan of the FNC-1 bodies (FTS5 tokenising, then merging a segment per batch). The subject filter does
    /// this before it searches (<see cref="TryIndexWords"/>), so the first search after a scan pays for the scan's
    /// claims once (about 4.7 µs a claim, benchmarks/README.md). Nothing pending costs one index look-up and no lock.
    /// </summary>
    /// <returns>The number of claims indexed.</returns>
    public int IndexWords()
    {
        if (!AnyPendingWords()) return 0;
        using var tx = _connection.BeginTransaction();
        int indexed = IndexPending(tx);
        tx.Commit();
        return indexed;
    }

    /// <summary>
    /// As <see cref="IndexWords"/>, but only if the write lock is free at once; null if another connection (a scan)
    /// holds it. A read must not wait for a writer: the subject filter then searches the index as it stands, and
    /// the claims that connection is adding come with a search after it.
    /// </summary>
    internal int? TryIndexWords()
    {
        if (!AnyPendingWords()) return 0;
        // Straight through SQLite without a busy wait: ADO.NET retries a busy lock for its whole command timeout.
        var db = _connection.Handle!;
        SQLitePCL.raw.sqlite3_busy_timeout(db, 0);
        int rc;
        try
        {
            rc = SQLitePCL.raw.sqlite3_exec(db, "BEGIN IMMEDIATE");
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(db, BusyTimeoutMs);
        }
        if (rc is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED) return null;
        SqliteException.ThrowExceptionForRC(rc, db);
        try
        {
            int indexed = IndexPending(null);
            SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_exec(db, "COMMIT"), db);
            return indexed;
        }
        catch
        {
            SQLitePCL.raw.sqlite3_exec(db, "ROLLBACK");
            throw;
        }
    }

    /// <summary>
    /// Foreign keys unchecked on this connection until disposed, for a transaction whose rows reference only rows it
    /// wrote or read itself: an article's claims reference the article just inserted, their links and entity rows the
    /// claim just inserted and the entities found or inserted in the same transaction (forgotten when a savepoint is
    /// rolled back). Checking them looked up every parent again, about a tenth of ingest's writing. SQLite changes
    /// the setting only outside a transaction, so this is taken before the transaction begins and let go after it ends.
    /// </summary>
    private ForeignKeysOff OwnReferencesOnly()
    {
        Execute("PRAGMA foreign_keys=OFF");
        return new ForeignKeysOff(this);
    }

    private readonly struct ForeignKeysOff(ClaimStore store) : IDisposable
    {
        public void Dispose() => store.Execute("PRAGMA foreign_keys=ON");
    }

    /// <summary>
    /// Whether the tables an article write inserts into have no trigger but the schema's own. Names are compared
    /// without case, as SQLite resolves them ("ON Claims" is on claims). TEMP triggers are not looked at: SQLite runs
    /// them even with triggers off.
    /// </summary>
    private bool OnlyOwnIngestTriggers(SqliteTransaction tx)
    {
        using var cmd = Command("""
            SELECT NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'trigger'
                AND lower(tbl_name) IN ('articles', 'claims', 'chain_links', 'entities', 'claim_entities', 'claim_words_pending', 'link_names')
                AND lower(name) NOT IN ('tr_claims_words_insert', 'tr_claims_words_delete', 'tr_claims_words_update', 'tr_chain_links_name'))
            """, tx);
        return cmd.ExecuteScalar() is 1L;
    }

    /// <summary>
    /// Turns this connection's triggers on or off (SQLITE_DBCONFIG_ENABLE_TRIGGER). SQLite codes triggers into a
    /// statement when it prepares it, and the change makes every prepared statement of the connection prepare again at
    /// its next step, under the new setting.
    /// </summary>
    internal void EnableTriggers(bool on)
    {
        var db = _connection.Handle!;
        SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_db_config(db, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, out int now), db);
        if (now != (on ? 1 : 0)) throw new InvalidOperationException($"SQLite left triggers {(now == 0 ? "off" : "on")}");
    }

    private bool AnyPendingWords() => Scalar("SELECT EXISTS (SELECT 1 FROM claim_words_pending)") is 1L;

    /// <summary>Indexes the pending claims inside the write transaction already open; returns how many.</summary>
    private int IndexPending(SqliteTransaction? tx)
    {
        // Counted inside the write transaction: another connection may have indexed them in between.
        using var count = Command("SELECT COUNT(*) FROM claim_words_pending", tx);
        int pending = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        Execute("""
            INSERT INTO claim_words(rowid, text) SELECT c.id, c.text FROM claim_words_pending p JOIN claims c ON c.id = p.claim_id;
            DELETE FROM claim_words_pending;
            """, tx);
        return pending;
    }

    /// <summary>
    /// Prepared statements for one transaction. The per-claim inserts (tens of thousands in a scan) go straight
    /// through SQLite (<see cref="RawStatement"/>); the article insert, once per article, through ADO.NET.
    /// </summary>
    /// <remarks>
    /// When the tables it writes have only the store's own triggers, they are off on this connection while the writer
    /// lives, and the writer does what the insert triggers do: it lists each article's claims for the word index in
    /// one statement and adds each chain link's name once. A trigger runs a sub-program for every row, which was a
    /// fifth of ingest's writing (a claim row took about 6 µs with it, under 4 without). Any other trigger on those tables
    /// (a database administrator's) keeps them all on. Triggers are off only on this connection and only while the
    /// writer lives; nothing but the writer's own statements runs on the connection meanwhile (one thread writes a
    /// store), so no other statement runs without them. Other connections keep every trigger.
    /// </remarks>
    private sealed class ArticleWriter : IDisposable
    {
        private readonly ClaimStore store;
        private readonly SqliteCommand article, findArticle;
        private readonly RawStatement claim, link, findEntity, entity, claimEntity, pendingWords, linkName;
        private readonly Dictionary<string, long> entityIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> linkNames = new(StringComparer.Ordinal);
        private readonly string now;
        private readonly bool ownTriggersOnly;

        public ArticleWriter(ClaimStore store, SqliteTransaction tx)
        {
            this.store = store;
            now = store.Now();
            ownTriggersOnly = store.OnlyOwnIngestTriggers(tx);
            if (ownTriggersOnly) store.EnableTriggers(false);
            try
            {
                article = Prepare(tx, """
                    INSERT INTO articles(article_key, source_name, url, outlet, published, title, text, content_hash, ingested_at)
                    VALUES ($key, $source, $url, $outlet, $published, $title, $text, $hash, $at)
                    ON CONFLICT(content_hash) DO NOTHING
                    RETURNING id
                    """, "$key", "$source", "$url", "$outlet", "$published", "$title", "$text", "$hash", "$at");
                findArticle = Prepare(tx, "SELECT id FROM articles WHERE content_hash = $hash", "$hash");
                var connection = store._connection;
                claim = new RawStatement(connection, """
                    INSERT INTO claims(article_id, ordinal, text, span_start, span_length, verb, polarity, is_headline, payload)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    """);
                link = new RawStatement(connection, "INSERT INTO chain_links(claim_id, position, name, kind, anonymous, key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
                // Most entity mentions name an entity already stored: look it up first, insert only the new ones
                // (an upsert would rewrite the existing row and its key index entry every time).
                findEntity = new RawStatement(connection, "SELECT id FROM entities WHERE key = ?1");
                entity = new RawStatement(connection, "INSERT INTO entities(key, name, kind) VALUES (?1, ?2, ?3)");
                claimEntity = new RawStatement(connection, "INSERT OR IGNORE INTO claim_entities(claim_id, entity_id) VALUES (?1, ?2)");
                // What the insert triggers tr_claims_words_insert and tr_chain_links_name do, an article or a name at a time.
                pendingWords = new RawStatement(connection, "INSERT OR IGNORE INTO claim_words_pending(claim_id) SELECT id FROM claims WHERE article_id = ?1");
                linkName = new RawStatement(connection, "INSERT OR IGNORE INTO link_names(name) VALUES (?1)");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>Forgets what rows written in a rolled-back savepoint told it (entity ids, names added).</summary>
        public void ForgetRolledBack()
        {
            entityIds.Clear();
            linkNames.Clear();
        }

        public StoreResult Write(Article a, IReadOnlyList<Claim> claims, IReadOnlyList<byte[]>? payloads = null)
        {
            if (payloads is not null && payloads.Count != claims.Count) throw new ArgumentException($"{payloads.Count} payloads for {claims.Count} claims", nameof(payloads));
            Bind(article, a.Id, a.SourceName, a.Url, a.Outlet, a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Title, a.Text, a.ContentHash, now);
            if (article.ExecuteScalar() is not long articleId)
            {
                Bind(findArticle, a.ContentHash);
                return new StoreResult(StoreOutcome.AlreadyStored, (long)findArticle.ExecuteScalar()!);
            }
            var claimIds = new long[claims.Count];
            for (int i = 0; i < claims.Count; i++)
            {
                var c = claims[i];
                claim.Bind(1, articleId).Bind(2, c.Ordinal).Bind(3, c.Text).Bind(4, c.Span.Start).Bind(5, c.Span.Length).Bind(6, c.Verb)
                    .Bind(7, c.Polarity.ToString()).Bind(8, c.IsHeadline ? 1 : 0)
                    .BindUtf8(9, payloads?[i] ?? ClaimPayload.SerializeUtf8(c))
                    .Execute();
                long claimId = claimIds[i] = claim.LastInsertRowId;
                for (int p = 0; p < c.Chain.Count; p++)
                {
                    var l = c.Chain[p];
                    link.Bind(1, claimId).Bind(2, p).Bind(3, l.Name).Bind(4, l.Kind.ToString()).Bind(5, l.Anonymous ? 1 : 0).Bind(6, l.Key).Execute();
                    if (ownTriggersOnly && linkNames.Add(l.Name)) linkName.Bind(1, l.Name).Execute();
                }
                foreach (var e in c.Entities)
                {
                    if (!entityIds.TryGetValue(e.Key, out long entityId))
                    {
                        if (findEntity.Bind(1, e.Key).ScalarInt64() is long found)
                        {
                            entityId = found;
                        }
                        else
                        {
                            entity.Bind(1, e.Key).Bind(2, e.Name).Bind(3, e.Kind.ToString()).Execute();
                            entityId = entity.LastInsertRowId;
                        }
                        entityIds[e.Key] = entityId;
                    }
                    claimEntity.Bind(1, claimId).Bind(2, entityId).Execute();
                }
            }
            if (ownTriggersOnly) pendingWords.Bind(1, articleId).Execute();
            return new StoreResult(StoreOutcome.Added, articleId) { ClaimIds = claimIds };
        }

        private SqliteCommand Prepare(SqliteTransaction tx, string sql, params string[] names)
        {
            var cmd = store.Command(sql, tx);
            foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
            return cmd;
        }

        private static void Bind(SqliteCommand cmd, params object?[] values)
        {
            for (int i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        // Also after a constructor that failed part way: whatever it prepared is finalised, and triggers are on again.
        public void Dispose()
        {
            article?.Dispose();
            findArticle?.Dispose();
            foreach (var statement in new[] { claim, link, findEntity, entity, claimEntity, pendingWords, linkName }) statement?.Dispose();
            if (ownTriggersOnly) store.EnableTriggers(true);
        }
    }
}
