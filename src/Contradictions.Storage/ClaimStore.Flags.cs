using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>Flags, restatements, scored pairs and copy origins: what the detector keeps between scans.</summary>
public sealed partial class ClaimStore
{
    private sealed record StanceJson(float[] Ab, float[] Ba);

    /// <summary>
    /// Every pair scored by an earlier scan, by its lower claim id: the higher ids, sorted (<see cref="WasScored"/>).
    /// A later scan scores only candidate pairs not in it, whether their claims are new or became candidates of each
    /// other as the store grew.
    /// </summary>
    public Dictionary<long, long[]> ScoredPartners()
    {
        var partners = new Dictionary<long, long[]>();
        using var cmd = Command("SELECT claim_id, partners FROM scored_partners");
        using var r = cmd.ExecuteReader();
        while (r.Read()) partners[r.GetInt64(0)] = Unpack((byte[])r.GetValue(1));
        return partners;
    }

    /// <summary>Whether <see cref="ScoredPartners"/> holds the pair (lower id first).</summary>
    public static bool WasScored(IReadOnlyDictionary<long, long[]> partners, long a, long b) =>
        partners.TryGetValue(a, out var higher) && Array.BinarySearch(higher, b) >= 0;

    /// <summary>
    /// Records pairs as scored (lower id first), in one transaction, merged with what each claim has. A scan records
    /// its pairs the same way in the transaction of its last flags (<see cref="FlagWriter.RecordScored"/>), so a scan
    /// killed before scores them again on the next run.
    /// </summary>
    public void SaveScoredPairs(IEnumerable<(long A, long B)> pairs)
    {
        var groups = ScoredPairGroups.Of(pairs);
        using var tx = _connection.BeginTransaction();
        WriteScored(groups);
        tx.Commit();
    }

    /// <summary>
    /// Stores the flags among a batch of scored pairs, and the pairs judged to restate one claim, in one
    /// transaction (a killed scan never keeps a flag whose restatements were lost). A flag that exists keeps
    /// its id and creation time; its confidence and explanation are refreshed. That the pairs were scored is
    /// recorded apart (<see cref="SaveScoredPairs"/>).
    /// </summary>
    public void SaveScores(IReadOnlyList<(long A, long B, ScoredPair Score, bool Flag)> batch, IReadOnlyList<(long A, long B, float Overlap)>? restatements = null)
    {
        var flags = new List<FlagRow>();
        foreach (var (a, b, score, isFlag) in batch)
        {
            if (a >= b) throw new ArgumentException($"pair ({a}, {b}) must have the lower claim id first");
            if (isFlag) flags.Add(FlagRow.Of(a, b, score));
        }
        SaveFlags(flags, restatements);
    }

    /// <summary>
    /// A flag as stored, its explanation and stance already serialised: a scan builds these on its scoring threads,
    /// so the one thread that writes does only the writing.
    /// </summary>
    internal sealed record FlagRow(long A, long B, float Confidence, string Kind, string Explanation, string Stance)
    {
        /// <summary>
        /// The two claims' articles (row ids), when the caller knows them (a scan does): the writer then binds them
        /// instead of looking each claim up. Null: looked up.
        /// </summary>
        public long? ArticleA { get; init; }
        public long? ArticleB { get; init; }

        public static FlagRow Of(long a, long b, ScoredPair score, long? articleA = null, long? articleB = null) =>
            new(a, b, score.Confidence, score.Kind.ToString(), FlagJson.Cues(score.Cues), FlagJson.Stance(score.AtoB, score.BtoA))
            {
                ArticleA = articleA, ArticleB = articleB,
            };
    }

    /// <summary>As <see cref="SaveScores"/>, for flags already built (lower claim id first).</summary>
    internal void SaveFlags(IReadOnlyList<FlagRow> flags, IReadOnlyList<(long A, long B, float Overlap)>? restatements)
    {
        using var writer = BeginFlags();
        writer.Add(flags, restatements);
        writer.Commit();
    }

    /// <summary>Stored flags at or above a confidence, most confident first.</summary>
    public IReadOnlyList<StoredFlag> Flags(double minConfidence = 0)
    {
        using var cmd = Command($"SELECT {FlagColumns} FROM flags f WHERE f.confidence >= $m ORDER BY f.confidence DESC, f.id");
        cmd.Parameters.AddWithValue("$m", minConfidence);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredFlag>();
        while (r.Read()) list.Add(ReadFlag(r));
        return list;
    }

    /// <summary>Every pair (lower id first) that a scan judged to restate one claim: same polarity, enough shared content.</summary>
    public IReadOnlyList<(long A, long B)> Restatements()
    {
        var list = new List<(long, long)>();
        using var cmd = Command("SELECT claim_a, claim_b FROM restatements ORDER BY claim_a, claim_b");
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetInt64(1)));
        return list;
    }

    /// <summary>
    /// A cheap fingerprint of everything reliability is computed from: it changes whenever any of it does, whichever
    /// process wrote. Index look-ups only, so a server can check it on every request and recompute only when it moved.
    /// </summary>
    public StoreStamp ChangeStamp()
    {
        using var cmd = Command("""
            SELECT (SELECT MAX(id) FROM claims), (SELECT MAX(claim_id) FROM claim_origins), (SELECT COUNT(*) FROM claim_origins),
                   (SELECT COUNT(*) FROM restatements), (SELECT MAX(id) FROM flags), (SELECT MAX(updated_at) FROM flags),
                   (SELECT MAX(id) FROM verdicts)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        var parts = new string[r.FieldCount - 1];
        for (int i = 0; i < parts.Length; i++) parts[i] = r.IsDBNull(i) ? "-" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!;
        return new StoreStamp(string.Join('|', parts), r.IsDBNull(parts.Length) ? 0 : r.GetInt64(parts.Length));
    }

    /// <summary>A flag from the first eight of <see cref="FlagColumns"/>.</summary>
    private static StoredFlag ReadFlag(Microsoft.Data.Sqlite.SqliteDataReader r)
    {
        var stance = JsonSerializer.Deserialize<StanceJson>(r.GetString(6))!;
        return new StoredFlag(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), (float)r.GetDouble(3), Enum.Parse<FlagKind>(r.GetString(4)),
            JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [], stance.Ab, stance.Ba,
            DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Replaces the copy-origin of each claim (origins are recomputed over everything stored). Only claims copied from
    /// another have a row: a claim without one is its own origin (<see cref="OriginClusterer.OriginIdOf"/>), as every
    /// reader takes it, and most claims are copies of nothing (a row each was most of the writes of this step). Only
    /// rows that change are written: a rescan of a large store rewrites nothing.
    /// </summary>
    public void SaveOrigins(IReadOnlyDictionary<long, string> origins)
    {
        var stored = Origins();
        using var tx = _connection.BeginTransaction();
        using (var save = new RawStatement(_connection, "INSERT INTO claim_origins(claim_id, origin) VALUES (?1, ?2) ON CONFLICT(claim_id) DO UPDATE SET origin = excluded.origin"))
        using (var remove = new RawStatement(_connection, "DELETE FROM claim_origins WHERE claim_id = ?1"))
        {
            foreach (var (claim, origin) in origins)
            {
                bool own = OriginClusterer.IsOwnOrigin(claim, origin);
                if (stored.TryGetValue(claim, out var old))
                {
                    if (own) remove.Bind(1, claim).Execute();
                    else if (old != origin) save.Bind(1, claim).Bind(2, origin).Execute();
                }
                else if (!own)
                {
                    save.Bind(1, claim).Bind(2, origin).Execute();
                }
            }
        }
        tx.Commit();
    }

    /// <summary>The stored copy-origins: claims copied from another (a claim not here is its own origin).</summary>
    public Dictionary<long, string> Origins()
    {
        var map = new Dictionary<long, string>();
        using var cmd = Command("SELECT claim_id, origin FROM claim_origins");
        using var r = cmd.ExecuteReader();
        while (r.Read()) map[r.GetInt64(0)] = r.GetString(1);
        return map;
    }
}
