namespace Contradictions.Storage;

/// <summary>
/// Versioned schema. Each entry migrates from version index to index + 1; <see cref="ClaimStore.Open"/> applies
/// the missing ones in one transaction. Append new migrations; never edit shipped ones.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            article_key TEXT NOT NULL,
            source_name TEXT,
            url TEXT,
            outlet TEXT,
            published TEXT,
            title TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX ix_articles_key ON articles(article_key);
        CREATE INDEX ix_articles_source ON articles(source_name);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_length INTEGER NOT NULL,
            verb TEXT,
            polarity TEXT NOT NULL,
            is_headline INTEGER NOT NULL DEFAULT 0,
            payload TEXT NOT NULL,
            UNIQUE(article_id, ordinal)
        );
        CREATE TABLE chain_links (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (claim_id, position)
        );
        CREATE INDEX ix_chain_links_key ON chain_links(key);
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE TABLE claim_entities (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (claim_id, entity_id)
        );
        """,
        """
        CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            confidence REAL NOT NULL,
            kind TEXT NOT NULL,
            explanation TEXT NOT NULL,
            stance TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE(claim_a, claim_b),
            CHECK(claim_a < claim_b)
        );
        CREATE INDEX ix_flags_confidence ON flags(confidence DESC);
        CREATE TABLE scored_pairs (
            claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            confidence REAL NOT NULL,
            PRIMARY KEY (claim_a, claim_b)
        ) WITHOUT ROWID;
        CREATE TABLE claim_origins (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            origin TEXT NOT NULL
        );
        CREATE INDEX ix_claim_origins_origin ON claim_origins(origin);
        """,
        // 3: reviewers' verdicts on flags. Full history; the highest version is the flag's status.
        """
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL CHECK(verdict IN ('a_right', 'b_right', 'unresolved', 'not_contradiction', 'different_subjects')),
            reviewer TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            UNIQUE(flag_id, version)
        );
        """,
        // 4: pairs the detector judged to restate one claim, so corroboration across independent origins survives
        // between scans and feeds source reliability. Pairs scored before this version were never recorded as
        // restatements: forget them (scored_pairs is only a cache) so the next scan rescores every candidate pair;
        // flags are upserted on their pair and keep their ids and verdicts. The index on flags.updated_at makes the
        // store's change fingerprint (ClaimStore.ChangeStamp) a handful of index look-ups.
        """
        CREATE TABLE restatements (
            claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            overlap REAL NOT NULL,
            PRIMARY KEY (claim_a, claim_b),
            CHECK(claim_a < claim_b)
        ) WITHOUT ROWID;
        CREATE INDEX ix_flags_updated ON flags(updated_at);
        DELETE FROM scored_pairs;
        """,
        // 5: the review queue filters and pages in SQL. A flag's status (latest verdict) and verdict count live on
        // the flag row, kept by a trigger so no write path can forget them; existing verdicts are carried over.
        // The queue indexes cover every filter column, so counting and paging never read the wide flag rows.
        """
        ALTER TABLE flags ADD COLUMN status TEXT NOT NULL DEFAULT 'unreviewed';
        ALTER TABLE flags ADD COLUMN verdict_count INTEGER NOT NULL DEFAULT 0;
        UPDATE flags SET (status, verdict_count) =
            (SELECT v.verdict, v.version FROM verdicts v WHERE v.flag_id = flags.id ORDER BY v.version DESC LIMIT 1)
        WHERE EXISTS (SELECT 1 FROM verdicts v WHERE v.flag_id = flags.id);
        CREATE TRIGGER tr_verdicts_flag_status AFTER INSERT ON verdicts
        BEGIN
            UPDATE flags SET status = NEW.verdict, verdict_count = NEW.version
            WHERE id = NEW.flag_id AND verdict_count < NEW.version;
        END;
        CREATE INDEX ix_flags_queue ON flags(confidence DESC, status, kind, claim_a, claim_b);
        CREATE INDEX ix_flags_queue_status ON flags(status, confidence DESC, kind, claim_a, claim_b);
        CREATE INDEX ix_flags_queue_kind ON flags(kind, confidence DESC, status, claim_a, claim_b);
        CREATE INDEX ix_flags_claim_b ON flags(claim_b);
        CREATE INDEX ix_articles_outlet ON articles(outlet);
        -- The speaker filter matches a substring against the few distinct link names, then finds their claims by
        -- index, instead of scanning every chain link. Names of deleted claims may linger here; they match no link.
        CREATE TABLE link_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
        INSERT OR IGNORE INTO link_names(name) SELECT name FROM chain_links;
        CREATE TRIGGER tr_chain_links_name AFTER INSERT ON chain_links
        BEGIN
            INSERT OR IGNORE INTO link_names(name) VALUES (NEW.name);
        END;
        CREATE INDEX ix_chain_links_name ON chain_links(name, claim_id);
        """,
        // 6: the content-word overlap of each scored pair, so a scan that skips pairs scored earlier (a rerun after
        // a kill, or new articles) still finds the old pairs that restate each other. Old rows get NULL and are
        // scored once more.
        """
        ALTER TABLE scored_pairs ADD COLUMN overlap REAL;
        """,
        // 7: queue filters that read indexes instead of scanning. A word index of claim texts (FTS5, unicode61:
        // case- and accent-folded words) finds a subject's claims without reading every text; external content,
        // so the texts are not stored twice. Triggers list new and changed claims in claim_words_pending, which the
        // store indexes in one statement before the subject filter searches (ClaimStore.IndexWords): FTS5
        // writes its pending terms to disk at every savepoint, so indexing row by row inside ingest's savepoint per
        // article made one tiny segment per article and doubled ingest time. Each flag carries
        // its two claims' articles (claims never move), and the queue indexes cover them, so an outlet filter
        // probes the few matching articles per index entry instead of first listing all their claims. Writers
        // that leave the articles out get them from the trigger. The side indexes, by either claim and covering
        // every filter column, list a few claims' flags without reading flag rows (they replace ix_flags_claim_b).
        """
        CREATE VIRTUAL TABLE claim_words USING fts5(text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        INSERT INTO claim_words(claim_words) VALUES ('rebuild');
        CREATE TABLE claim_words_pending (claim_id INTEGER PRIMARY KEY);
        CREATE TRIGGER tr_claims_words_insert AFTER INSERT ON claims
        BEGIN
            INSERT OR IGNORE INTO claim_words_pending(claim_id) VALUES (NEW.id);
        END;
        CREATE TRIGGER tr_claims_words_delete AFTER DELETE ON claims
        BEGIN
            INSERT INTO claim_words(claim_words, rowid, text) SELECT 'delete', OLD.id, OLD.text
            WHERE NOT EXISTS (SELECT 1 FROM claim_words_pending WHERE claim_id = OLD.id);
            DELETE FROM claim_words_pending WHERE claim_id = OLD.id;
        END;
        CREATE TRIGGER tr_claims_words_update AFTER UPDATE OF text ON claims
        BEGIN
            INSERT INTO claim_words(claim_words, rowid, text) SELECT 'delete', OLD.id, OLD.text
            WHERE NOT EXISTS (SELECT 1 FROM claim_words_pending WHERE claim_id = OLD.id);
            INSERT OR IGNORE INTO claim_words_pending(claim_id) VALUES (NEW.id);
        END;
        ALTER TABLE flags ADD COLUMN article_a INTEGER;
        ALTER TABLE flags ADD COLUMN article_b INTEGER;
        UPDATE flags SET article_a = (SELECT c.article_id FROM claims c WHERE c.id = flags.claim_a),
                         article_b = (SELECT c.article_id FROM claims c WHERE c.id = flags.claim_b);
        CREATE TRIGGER tr_flags_articles AFTER INSERT ON flags WHEN NEW.article_a IS NULL OR NEW.article_b IS NULL
        BEGIN
            UPDATE flags SET article_a = (SELECT c.article_id FROM claims c WHERE c.id = NEW.claim_a),
                             article_b = (SELECT c.article_id FROM claims c WHERE c.id = NEW.claim_b)
            WHERE id = NEW.id;
        END;
        DROP INDEX ix_flags_queue;
        DROP INDEX ix_flags_queue_status;
        DROP INDEX ix_flags_queue_kind;
        CREATE INDEX ix_flags_queue ON flags(confidence DESC, status, kind, claim_a, claim_b, article_a, article_b);
        CREATE INDEX ix_flags_queue_status ON flags(status, confidence DESC, kind, claim_a, claim_b, article_a, article_b);
        CREATE INDEX ix_flags_queue_kind ON flags(kind, confidence DESC, status, claim_a, claim_b, article_a, article_b);
        DROP INDEX ix_flags_claim_b;
        CREATE INDEX ix_flags_side_a ON flags(claim_a, confidence, status, kind, claim_b, article_a, article_b);
        CREATE INDEX ix_flags_side_b ON flags(claim_b, confidence, status, kind, claim_a, article_a, article_b);
        """,
        // 8: scan speed. (a) The articles trigger goes: any AFTER INSERT trigger on flags made every flag insert
        // several times slower (about 90 µs instead of 15 µs a row, measured on a scan's 20,843 flags), even with
        // its WHEN clause false, and the store's own writer always supplies both articles. Rows that something else
        // inserts without them are found through a partial index (empty, so free to keep) and filled in when a
        // store opens. (b) Scored pairs are kept as one row per claim, its higher-id partners packed in a blob
        // (sorted 64-bit ids), written once at the end of a scan, instead of one row per pair: a scan wrote six pair
        // rows per claim and every later scan read them all back. Nothing is carried over, so the next scan scores
        // every candidate pair once more (as version 4 did); flags are upserted on their pair and keep ids and
        // verdicts.
        """
        DROP TRIGGER tr_flags_articles;
        CREATE INDEX ix_flags_missing_articles ON flags(id) WHERE article_a IS NULL OR article_b IS NULL;
        CREATE TABLE scored_partners (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            partners BLOB NOT NULL
        );
        DROP TABLE scored_pairs;
        """,
        // 9: scan speed. ix_flags_confidence (confidence DESC) is a prefix of ix_flags_queue, which every flag insert
        // updates anyway: the queue's plans are checked by QueueIndexTests, and the confidence-ordered reads
        // (ClaimStore.Flags, the reliability evidence) walk ix_flags_queue and sort only flags of equal confidence
        // by id. Every flag insert updated the dropped index for nothing.
        """
        DROP INDEX ix_flags_confidence;
        """,
        // 10: scan speed. Claim-entity links are their primary key and nothing else, so the rows live in the key's own
        // tree (WITHOUT ROWID): a rowid table kept every link twice, in the table and in the key's index, and an
        // ingest of the FNC-1 bodies writes 56,653 of them. Rows carried over as they are, but for links to a claim or
        // entity that is not there (only a write with foreign keys off could leave one): the copy checks foreign keys.
        """
        CREATE TABLE claim_entities_keyed (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (claim_id, entity_id)
        ) WITHOUT ROWID;
        INSERT INTO claim_entities_keyed(claim_id, entity_id) SELECT ce.claim_id, ce.entity_id FROM claim_entities ce
        WHERE EXISTS (SELECT 1 FROM claims c WHERE c.id = ce.claim_id) AND EXISTS (SELECT 1 FROM entities e WHERE e.id = ce.entity_id);
        DROP TABLE claim_entities;
        ALTER TABLE claim_entities_keyed RENAME TO claim_entities;
        """,
    ];

    public static int Latest => Migrations.Length;
}
