using System.Globalization;
using System.Text;
using Contradictions.Core.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// Filters of the review queue; every one is optional and they combine with AND. Outlet and speaker are
/// case-insensitive substrings (ASCII case folding: SQLite's LIKE) matched on either side of the flag; subject is
/// words of either side's claim text (see <see cref="Subject"/>).
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

    /// <summary>
    /// Words in either side's claim text, in this order and next to each other, ignoring case, accents and
    /// punctuation; the last word also matches the start of a longer word when it has three or more letters
    /// ("Crimea" finds "Crimean"). Text without a letter or digit matches nothing.
    /// </summary>
    public string? Subject { get; init; }

    public double? MinConfidence { get; init; }

    /// <summary>Only flags with a side in this article (by row id).</summary>
    public long? ArticleRowId { get; init; }
}

/// <summary>A flag with its status: the latest verdict, or <see cref="FlagFilter.Unreviewed"/>; <see cref="Version"/> counts its verdicts.</summary>
public sealed record QueuedFlag(StoredFlag Flag, string Status, int Version);

/// <summary>
/// One page of the queue and how many flags match the filter in all: exactly, or when <see cref="TotalIsLowerBound"/>
/// at least <see cref="Total"/> (the count stopped there; see <see cref="ClaimStore.QueryFlags"/>).
/// </summary>
public sealed record QueueSlice(IReadOnlyList<QueuedFlag> Items, int Total, bool TotalIsLowerBound = false);

/// <summary>
/// The review queue in SQL: filtering, ordering by confidence and paging run in the database on covering indexes,
/// so a page costs about the page and the count, not the whole store (plan in ClaimStore.QueuePlan.cs).
/// </summary>
public sealed partial class ClaimStore
{
    private const string FlagColumns = "f.id, f.claim_a, f.claim_b, f.confidence, f.kind, f.explanation, f.stance, f.created_at, f.status, f.verdict_count";

    /// <summary>Where a filtered count stops by default: past it the queue says "more than".</summary>
    public const int DefaultCountLimit = 1000;

    /// <summary>
    /// Flags matching <paramref name="filter"/>, most confident first (ties by id), skipping <paramref name="offset"/>.
    /// A filtered count stops at <paramref name="countLimit"/> (or at the end of the page, if further): counting
    /// every match of a broad filter would read as many index entries as there are matches, on every page view.
    /// The unfiltered count is exact (SQLite counts a whole index without reading its rows).
    /// </summary>
    public QueueSlice QueryFlags(FlagFilter filter, long offset, int limit, int countLimit = DefaultCountLimit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(countLimit);
        var plan = QueuePlan.For(filter);
        if (!string.IsNullOrWhiteSpace(filter.Subject)) TryIndexWords();
        // One read transaction: the count and the page see the same snapshot even while a scan writes.
        using var tx = _connection.BeginTransaction(deferred: true);
        // The matches are read once, in order, as far as the count and the page need: one walk serves both.
        long wanted = limit == int.MaxValue ? long.MaxValue : Math.Max(countLimit, offset + limit) + 1;
        long? exact = null;
        if (!plan.Filtered)
        {
            using var count = Command("SELECT COUNT(*) FROM flags", tx);
            exact = (long)count.ExecuteScalar()!;
            wanted = Math.Min(wanted, offset + limit);
        }
        var ids = plan.Sides.Count == 0 ? MatchingIds(plan, wanted, tx) : SideMatchingIds(plan, wanted, tx);
        bool more = exact is null && ids.Count == wanted;
        int total = (int)Math.Min(int.MaxValue, exact ?? (more ? wanted - 1 : ids.Count));
        var page = ids.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).ToList();
        var items = ReadQueuedFlags(page, tx);
        tx.Commit();
        return new QueueSlice(items, total, more);
    }

    /// <summary>Ids of the flags matching every condition, in queue order, at most <paramref name="wanted"/>.</summary>
    private List<long> MatchingIds(QueuePlan plan, long wanted, SqliteTransaction tx)
    {
        using var cmd = Command($"SELECT f.id FROM {plan.Index} {plan.Where} ORDER BY f.confidence DESC, f.id LIMIT $wanted", tx);
        return ReadIds(cmd, plan, wanted);
    }

    /// <summary>Binds the plan's filters and the limit (none for <see cref="long.MaxValue"/>), then reads the first column as ids.</summary>
    private static List<long> ReadIds(SqliteCommand cmd, QueuePlan plan, long wanted)
    {
        plan.Bind(cmd);
        cmd.Parameters.AddWithValue("$wanted", wanted == long.MaxValue ? -1 : wanted);
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>The page's flags with their status, in the order of <paramref name="ids"/>.</summary>
    private List<QueuedFlag> ReadQueuedFlags(IReadOnlyList<long> ids, SqliteTransaction tx)
    {
        if (ids.Count == 0) return [];
        var byId = new Dictionary<long, QueuedFlag>(ids.Count);
        using var cmd = Command($"SELECT {FlagColumns} FROM flags f WHERE f.id IN ({IdList(ids)})", tx);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) byId[r.GetInt64(0)] = new QueuedFlag(ReadFlag(r), r.GetString(8), r.GetInt32(9));
        }
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
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

    // Ids are longs formatted invariantly, so inlining them cannot inject SQL; a parameter per id would hit
    // SQLite's parameter limit on large pages.
    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
