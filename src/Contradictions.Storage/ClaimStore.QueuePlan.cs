using System.Globalization;
using System.Text;
using Contradictions.Core.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>
/// How the queue finds its flags. Status, kind and minimum confidence are ranges of a covering queue index, each
/// ordered by confidence, so a page walks one index in queue order and stops as soon as the page and the count are
/// full. An outlet, speaker, subject or article filter ("side" filter) first lists what it matches into a temporary
/// table — the articles of the matching outlets, the claims of the matching speakers or subject words — which each
/// index entry then probes (the queue indexes carry both claims and both articles). When the sides together match
/// few flags, walking the index to find them would read most of it; the flags of the side with the fewest claims
/// are then read from the side indexes (by claim, covering every filter column) and sorted instead.
/// </summary>
public sealed partial class ClaimStore
{
    /// <summary>A side filter: the temporary table its matches go to, and whether they are articles or claims.</summary>
    private sealed record QueueSide(string Table, string Select, string Parameter, object Value, bool Articles)
    {
        /// <summary>How many articles or claims matched.</summary>
        public long Rows { get; set; }

        /// <summary>Estimated claims matched and share of flags with a side among them (set from the store's sizes).</summary>
        public double Claims { get; set; }

        public double Density { get; set; }

        public string Probe => Articles
            ? $"(f.article_a IN temp.{Table} OR f.article_b IN temp.{Table})"
            : $"(f.claim_a IN temp.{Table} OR f.claim_b IN temp.{Table})";

        /// <summary>This side's claims as a FROM term naming each claim <c>c</c>.</summary>
        public string ClaimsTerm => Articles
            ? $"temp.{Table} s CROSS JOIN claims c ON c.article_id = s.id"
            : $"temp.{Table} c";
    }

    private sealed class QueuePlan
    {
        /// <summary>Status, kind and minimum confidence.</summary>
        public List<string> Conditions { get; } = [];
        public List<(string Name, object Value)> Parameters { get; } = [];
        public List<QueueSide> Sides { get; } = [];

        /// <summary>The queue index to walk: the narrowest range the plain filters select.</summary>
        public string Index { get; private set; } = "flags f INDEXED BY ix_flags_queue";

        /// <summary>Every condition, side probes in the order of <see cref="Sides"/> (most selective first, once sized).</summary>
        public string Where
        {
            get
            {
                var all = Conditions.Concat(Sides.Select(s => s.Probe)).ToList();
                return all.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", all);
            }
        }

        public bool Filtered => Conditions.Count + Sides.Count > 0;

        public void Bind(SqliteCommand cmd)
        {
            foreach (var (name, value) in Parameters)
                if (cmd.CommandText.Contains(name, StringComparison.Ordinal)) cmd.Parameters.AddWithValue(name, value);
        }

        public static QueuePlan For(FlagFilter filter)
        {
            var plan = new QueuePlan();
            var c = plan.Conditions;
            string? index = null;
            var status = Blank(filter.Status) ? null : filter.Status!.Trim();
            switch (status)
            {
                case null:
                    break;
                case FlagFilter.Unreviewed:
                    c.Add($"f.status = '{FlagFilter.Unreviewed}'");
                    break;
                // Lists rather than "<> 'unreviewed'": an IN list is a handful of ranges of the status index.
                case FlagFilter.Reviewed:
                    c.Add($"f.status IN ({Quoted(VerdictKinds.All)})");
                    index = "ix_flags_queue_status";
                    break;
                case FlagFilter.Contradiction:
                    c.Add($"f.status IN ({Quoted([VerdictKinds.ARight, VerdictKinds.BRight, VerdictKinds.Unresolved])})");
                    index = "ix_flags_queue_status";
                    break;
                case var verdict:
                    c.Add("f.status = $status");
                    plan.Parameters.Add(("$status", verdict));
                    index = "ix_flags_queue_status";
                    break;
            }
            if (!Blank(filter.Kind))
            {
                var kind = Enum.GetNames<FlagKind>().FirstOrDefault(n => string.Equals(n, filter.Kind!.Trim(), StringComparison.OrdinalIgnoreCase));
                c.Add(kind is null ? "0" : "f.kind = $kind");
                if (kind is not null) plan.Parameters.Add(("$kind", kind));
                index ??= "ix_flags_queue_kind";
            }
            // Most flags are unreviewed: a kind narrows the walk more, so the status index comes last.
            if (status == FlagFilter.Unreviewed) index ??= "ix_flags_queue_status";
            if (filter.MinConfidence is double min)
            {
                c.Add("f.confidence >= $min");
                plan.Parameters.Add(("$min", min));
            }
            if (index is not null) plan.Index = $"flags f INDEXED BY {index}";

            void Side(string table, string select, string name, object value, bool articles)
            {
                plan.Sides.Add(new QueueSide(table, select, name, value, articles));
                plan.Parameters.Add((name, value));
            }
            // The outlet index is narrower than the article rows, which hold the texts.
            if (!Blank(filter.Outlet))
                Side("queue_outlet", "SELECT a.id FROM articles a INDEXED BY ix_articles_outlet WHERE a.outlet LIKE $outlet ESCAPE '\\'", "$outlet", Contains(filter.Outlet!), articles: true);
            // CROSS JOIN keeps SQLite reading the few distinct link names first, then their links by name, not every link.
            if (!Blank(filter.Speaker))
                Side("queue_speaker", "SELECT l.claim_id FROM link_names n CROSS JOIN chain_links l ON l.name = n.name WHERE n.name LIKE $speaker ESCAPE '\\'", "$speaker", Contains(filter.Speaker!), articles: false);
            if (!Blank(filter.Subject))
                Side("queue_subject", "SELECT rowid FROM claim_words WHERE claim_words MATCH $subject", "$subject", WordQuery(filter.Subject!), articles: false);
            if (filter.ArticleRowId is long article)
                Side("queue_article", "SELECT a.id FROM articles a WHERE a.id = $article", "$article", article, articles: true);
            return plan;
        }
    }

    /// <summary>
    /// Matching ids for a plan with side filters: lists each side's matches, then either walks the queue index
    /// probing them, or reads the flags of the side with the fewest claims, whichever is expected to read less.
    /// </summary>
    private List<long> SideMatchingIds(QueuePlan plan, long wanted, SqliteTransaction tx)
    {
        foreach (var side in plan.Sides) Run($"DROP TABLE IF EXISTS temp.{side.Table}; CREATE TEMP TABLE {side.Table}(id INTEGER PRIMARY KEY)", tx);
        try
        {
            foreach (var side in plan.Sides)
            {
                using var fill = Command($"INSERT OR IGNORE INTO temp.{side.Table} {side.Select}", tx);
                fill.Parameters.AddWithValue(side.Parameter, side.Value);
                side.Rows = fill.ExecuteNonQuery();
                if (side.Rows == 0) return [];
            }
            var (flags, walk) = Size(plan.Sides, wanted, tx);
            if (flags == 0) return [];
            // Most index entries then fail on the first probe.
            plan.Sides.Sort((x, y) => x.Density.CompareTo(y.Density));
            var fewest = plan.Sides.MinBy(s => s.Claims)!;
            if (walk <= SeekCost * fewest.Claims) return MatchingIds(plan, wanted, tx);
            var where = plan.Where;
            using var cmd = Command($"""
                SELECT f.id, f.confidence FROM {fewest.ClaimsTerm} CROSS JOIN flags f INDEXED BY ix_flags_side_a ON f.claim_a = c.id {where}
                UNION
                SELECT f.id, f.confidence FROM {fewest.ClaimsTerm} CROSS JOIN flags f INDEXED BY ix_flags_side_b ON f.claim_b = c.id {where}
                ORDER BY 2 DESC, 1 LIMIT $wanted
                """, tx);
            return ReadIds(cmd, plan, wanted);
        }
        finally
        {
            foreach (var side in plan.Sides) Run($"DROP TABLE IF EXISTS temp.{side.Table}", tx);
        }
    }

    /// <summary>
    /// Sizes each side from the store's averages (claims per article; a flag has two claims; sides independent) and
    /// returns the flag count and the index entries a walk would read to find <paramref name="wanted"/> matches.
    /// </summary>
    private (double Flags, double Walk) Size(List<QueueSide> sides, long wanted, SqliteTransaction tx)
    {
        // Highest ids stand in for counts: index look-ups, where counting reads whole indexes.
        using var cmd = Command("SELECT COALESCE((SELECT MAX(id) FROM flags), 0), COALESCE((SELECT MAX(id) FROM claims), 0), COALESCE((SELECT MAX(id) FROM articles), 0)", tx);
        using var r = cmd.ExecuteReader();
        r.Read();
        double flags = r.GetInt64(0), claims = Math.Max(1, r.GetInt64(1)), articles = Math.Max(1, r.GetInt64(2));
        double density = 1;
        foreach (var side in sides)
        {
            side.Claims = side.Articles ? side.Rows * claims / articles : side.Rows;
            double share = Math.Min(1, side.Claims / claims);
            side.Density = 1 - (1 - share) * (1 - share);
            density *= side.Density;
        }
        return (flags, Math.Min(flags, wanted / Math.Max(density, 1e-12)));
    }

    /// <summary>
    /// Reading a claim's flags from the two side indexes, probing and sorting them costs about as much as this many
    /// walked index entries with their probes (on the 100k-flag benchmark store about 1.2 µs against 0.3–0.4 µs).
    /// </summary>
    private const double SeekCost = 3;

    private void Run(string sql, SqliteTransaction tx)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));

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

    /// <summary>
    /// An FTS5 query for <see cref="FlagFilter.Subject"/>: the text as one quoted string (quotes doubled), which FTS5
    /// splits with the index's own tokenizer into a phrase, so punctuation drops out and nothing typed is query
    /// syntax; a last word of three or more letters or digits is a prefix. Shorter prefixes would merge the
    /// postings of thousands of words on every view.
    /// </summary>
    internal static string WordQuery(string text)
    {
        var trimmed = text.Trim();
        int end = trimmed.Length;
        while (end > 0 && !char.IsLetterOrDigit(trimmed[end - 1])) end--;
        int start = end;
        while (start > 0 && char.IsLetterOrDigit(trimmed[start - 1])) start--;
        return "\"" + trimmed.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (end - start >= 3 ? " *" : string.Empty);
    }

    /// <summary>
    /// SQLite's query plans for <paramref name="filter"/>: each side's listing, the index walk, and the read from a
    /// side's flags, one line per plan step, prefixed "fill {table}:", "walk:" and "from side:" (tests check that
    /// every step reads an index).
    /// </summary>
    internal IReadOnlyList<string> ExplainQueue(FlagFilter filter)
    {
        var plan = QueuePlan.For(filter);
        using var tx = _connection.BeginTransaction(deferred: true);
        foreach (var side in plan.Sides) Run($"DROP TABLE IF EXISTS temp.{side.Table}; CREATE TEMP TABLE {side.Table}(id INTEGER PRIMARY KEY)", tx);
        var lines = new List<string>();
        void Explain(string label, string sql)
        {
            using var cmd = Command("EXPLAIN QUERY PLAN " + sql, tx);
            plan.Bind(cmd);
            cmd.Parameters.AddWithValue("$wanted", 26);
            using var r = cmd.ExecuteReader();
            while (r.Read()) lines.Add($"{label}: {r.GetString(3)}");
        }
        foreach (var side in plan.Sides) Explain($"fill {side.Table}", side.Select);
        Explain("walk", $"SELECT f.id FROM {plan.Index} {plan.Where} ORDER BY f.confidence DESC, f.id LIMIT $wanted");
        if (plan.Sides.Count > 0)
        {
            var side = plan.Sides[0];
            Explain("from side", $"""
                SELECT f.id, f.confidence FROM {side.ClaimsTerm} CROSS JOIN flags f INDEXED BY ix_flags_side_a ON f.claim_a = c.id {plan.Where}
                UNION
                SELECT f.id, f.confidence FROM {side.ClaimsTerm} CROSS JOIN flags f INDEXED BY ix_flags_side_b ON f.claim_b = c.id {plan.Where}
                ORDER BY 2 DESC, 1 LIMIT $wanted
                """);
        }
        foreach (var side in plan.Sides) Run($"DROP TABLE IF EXISTS temp.{side.Table}", tx);
        tx.Commit();
        return lines;
    }
}
