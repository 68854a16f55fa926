using System.Globalization;
using System.Text;
using Contradictions.Core.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// Filters of the review queue; every one is optional and they combine with AND. Outlet, speaker and subject are
/// case-insensitive substrings (ASCII case folding: SQLite's LIKE) matched on either side of the flag.
/// </summary>
public sealed record FlagFilter
{
    public const string Unreviewed = "unreviewed";
    public const string Reviewed = "reviewed";
    /// <summary>Latest verdict confirms a contradiction, whoever is right.</summary>
    public const string Contradiction = "contradiction";

    /// <summary><see cref="Unreviewed"/>, <see cref="Reviewed"/>, <see cref="Contradiction"/> or a verdict (the latest one).</summary>
    public string? Status { get; init; }

    /// <summary>A <see cref="FlagKind"/> name, any case; an unknown name matches nothing.</summary>
    public string? Kind { get; init; }

    /// <summary>Part of the outlet of either side's article.</summary>
    public string? Outlet { get; init; }

    /// <summary>Part of any link name in either side's attribution chain.</summary>
    public string? Speaker { get; init; }

    /// <summary>Part of either side's claim text.</summary>
    public string? Subject { get; init; }

    public double? MinConfidence { get; init; }

    /// <summary>Only flags with a side in this article (by row id).</summary>
    public long? ArticleRowId { get; init; }
}

/// <summary>A flag with its status: the latest verdict, or <see cref="FlagFilter.Unreviewed"/>; <see cref="Version"/> counts its verdicts.</summary>
public sealed record QueuedFlag(StoredFlag Flag, string Status, int Version);

/// <summary>One page of the queue and how many flags match the filter in all.</summary>
public sealed record QueueSlice(IReadOnlyList<QueuedFlag> Items, int Total);

/// <summary>
/// The review queue in SQL: filtering, ordering by confidence and paging run in the database (indexes from
/// schema version 4), so a page costs the page, not the whole store.
/// </summary>
public sealed partial class ClaimStore
{
    private const string FlagColumns = "f.id, f.claim_a, f.claim_b, f.confidence, f.kind, f.explanation, f.stance, f.created_at, f.status, f.verdict_count";

    /// <summary>Flags matching <paramref name="filter"/>, most confident first (ties by id), skipping <paramref name="offset"/>.</summary>
    public QueueSlice QueryFlags(FlagFilter filter, long offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var parameters = new List<(string, object)>();
        var sides = new List<(string Table, string Claims)>();
        string where = WhereClause(filter, parameters, sides);
        // One read transaction: the count and the page see the same snapshot even while a scan writes.
        using var tx = _connection.BeginTransaction(deferred: true);
        // Each substring filter's matching claims are found once per query, into a temporary rowid table that the
        // count and the page then probe (inline subqueries would rescan the texts for every use).
        foreach (var (table, claims) in sides)
        {
            using var fill = Command($"DROP TABLE IF EXISTS temp.{table}; CREATE TEMP TABLE {table}(id INTEGER PRIMARY KEY); INSERT OR IGNORE INTO temp.{table} {claims}", tx);
            foreach (var (name, value) in parameters) if (claims.Contains(name, StringComparison.Ordinal)) fill.Parameters.AddWithValue(name, value);
            fill.ExecuteNonQuery();
        }
        // Many matching claims mean many matching flags: SQLite would then fetch and sort all of them for one page.
        // Walking the covering confidence-ordered index instead stops as soon as the page is full.
        bool walkInOrder = sides.Any(side => side.Table != "queue_article" && RowCount("temp." + side.Table, tx) > DenseSideClaims);
        int total;
        using (var count = Command($"SELECT COUNT(*) FROM flags f {where}", tx))
        {
            foreach (var (name, value) in parameters) count.Parameters.AddWithValue(name, value);
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var items = new List<QueuedFlag>();
        if (limit > 0 && offset < total)
        {
            using var page = Command($"SELECT {FlagColumns} FROM flags f {(walkInOrder ? "INDEXED BY ix_flags_queue" : "")} {where} ORDER BY f.confidence DESC, f.id LIMIT $limit OFFSET $offset", tx);
            foreach (var (name, value) in parameters) page.Parameters.AddWithValue(name, value);
            page.Parameters.AddWithValue("$limit", limit);
            page.Parameters.AddWithValue("$offset", offset);
            using var r = page.ExecuteReader();
            while (r.Read()) items.Add(new QueuedFlag(ReadFlag(r), r.GetString(8), r.GetInt32(9)));
        }
        foreach (var (table, _) in sides)
        {
            using var drop = Command($"DROP TABLE temp.{table}", tx);
            drop.ExecuteNonQuery();
        }
        tx.Commit();
        return new QueueSlice(items, total);
    }

    /// <summary>Above this many claims matching a side filter, a page walks the queue index in confidence order.</summary>
    private const int DenseSideClaims = 200;

    private long RowCount(string table, SqliteTransaction tx)
    {
        using var cmd = Command($"SELECT COUNT(*) FROM {table}", tx);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>One flag with its status, or null.</summary>
    public QueuedFlag? FindQueuedFlag(long id)
    {
        using var cmd = Command($"SELECT {FlagColumns} FROM flags f WHERE f.id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new QueuedFlag(ReadFlag(r), r.GetString(8), r.GetInt32(9)) : null;
    }

    /// <summary>Stored claims by id (missing ids are left out).</summary>
    public Dictionary<long, StoredClaim> FindClaims(IEnumerable<long> ids)
    {
        var list = IdList(ids);
        return list.Length == 0 ? [] : ReadClaims($"WHERE c.id IN ({list})", null).ToDictionary(c => c.ClaimId);
    }

    /// <summary>The stored claims of one article, in ordinal order.</summary>
    public IReadOnlyList<StoredClaim> ClaimsOf(long articleRowId) => ReadClaims("WHERE c.article_id = $a", articleRowId);

    /// <summary>Stored articles by row id (missing ids are left out).</summary>
    public Dictionary<long, StoredArticle> FindArticleRows(IEnumerable<long> rowIds)
    {
        var list = IdList(rowIds);
        return list.Length == 0 ? [] : QueryArticles($"WHERE a.id IN ({list})", null).ToDictionary(a => a.RowId);
    }

    private static string WhereClause(FlagFilter filter, List<(string, object)> parameters, List<(string Table, string Claims)> sides)
    {
        var conditions = new List<string>();
        switch (Blank(filter.Status) ? null : filter.Status!.Trim())
        {
            case null:
                break;
            case FlagFilter.Unreviewed:
                conditions.Add($"f.status = '{FlagFilter.Unreviewed}'");
                break;
            case FlagFilter.Reviewed:
                conditions.Add($"f.status <> '{FlagFilter.Unreviewed}'");
                break;
            case FlagFilter.Contradiction:
                conditions.Add($"f.status IN ('{VerdictKinds.ARight}', '{VerdictKinds.BRight}', '{VerdictKinds.Unresolved}')");
                break;
            case var verdict:
                conditions.Add("f.status = $status");
                parameters.Add(("$status", verdict));
                break;
        }
        if (!Blank(filter.Kind))
        {
            var kind = Enum.GetNames<FlagKind>().FirstOrDefault(n => string.Equals(n, filter.Kind!.Trim(), StringComparison.OrdinalIgnoreCase));
            conditions.Add(kind is null ? "0" : "f.kind = $kind");
            if (kind is not null) parameters.Add(("$kind", kind));
        }
        if (filter.MinConfidence is double min)
        {
            conditions.Add("f.confidence >= $min");
            parameters.Add(("$min", min));
        }
        // Side filters select the matching claims once (see QueryFlags), then each candidate flag from the covering
        // queue indexes is two rowid lookups, instead of joining both sides' claims and articles per flag.
        // CROSS JOIN keeps SQLite scanning the few articles (distinct link names) first, not every claim (link).
        void Side(string table, string claims, string name, object value)
        {
            sides.Add((table, claims));
            parameters.Add((name, value));
            conditions.Add($"(f.claim_a IN temp.{table} OR f.claim_b IN temp.{table})");
        }
        if (!Blank(filter.Outlet))
            Side("queue_outlet", "SELECT c.id FROM articles a CROSS JOIN claims c ON c.article_id = a.id WHERE a.outlet LIKE $outlet ESCAPE '\\'", "$outlet", Contains(filter.Outlet!));
        if (!Blank(filter.Speaker))
            Side("queue_speaker", "SELECT l.claim_id FROM link_names n CROSS JOIN chain_links l ON l.name = n.name WHERE n.name LIKE $speaker ESCAPE '\\'", "$speaker", Contains(filter.Speaker!));
        if (!Blank(filter.Subject))
            Side("queue_subject", "SELECT c.id FROM claims c WHERE c.text LIKE $subject ESCAPE '\\'", "$subject", Contains(filter.Subject!));
        if (filter.ArticleRowId is long article)
            Side("queue_article", "SELECT c.id FROM claims c WHERE c.article_id = $article", "$article", article);
        return conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A LIKE pattern matching the trimmed text anywhere; %, _ and \ in it match themselves.</summary>
    internal static string Contains(string text)
    {
        var sb = new StringBuilder("%");
        foreach (var ch in text.Trim())
        {
            if (ch is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.Append('%').ToString();
    }

    // Ids are longs formatted invariantly, so inlining them cannot inject SQL; a parameter per id would hit
    // SQLite's parameter limit on large pages.
    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
