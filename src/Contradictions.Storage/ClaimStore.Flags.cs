using System.Globalization;
using System.Text.Json;
using Contradictions.Core.Detection;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>Flags, restatements, scanned claims and copy origins: what the detector keeps between scans.</summary>
public sealed partial class ClaimStore
{
    private sealed record StanceJson(float[] Ab, float[] Ba);

    /// <summary>
    /// Claims whose candidate pairs have all been scored by an earlier scan (<see cref="MarkScanned"/>): a pair of
    /// two such claims is not scored again.
    /// </summary>
    public HashSet<long> ScannedClaims()
    {
        var ids = new HashSet<long>();
        using var cmd = Command("SELECT claim_id FROM scanned_claims");
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>
    /// Marks claims as scanned, in one transaction, once every candidate pair they take part in has been scored and
    /// saved: a scan killed before this point leaves them unmarked, and the next one scores their pairs again.
    /// </summary>
    public void MarkScanned(IEnumerable<long> claimIds)
    {
        using var tx = _connection.BeginTransaction();
        using (var mark = new RawStatement(_connection, "INSERT OR IGNORE INTO scanned_claims(claim_id) VALUES (?1)"))
        {
            foreach (var id in claimIds) mark.Bind(1, id).Execute();
        }
        tx.Commit();
    }

    /// <summary>
    /// Stores the flags among a batch of scored pairs, and the pairs judged to restate one claim, in one
    /// transaction (a killed scan never keeps a flag whose restatements were lost). A flag that exists keeps
    /// its id and creation time; its confidence and explanation are refreshed. Pairs that are neither are not kept:
    /// <see cref="MarkScanned"/> records that they were scored.
    /// </summary>
    public void SaveScores(IReadOnlyList<(long A, long B, ScoredPair Score, bool Flag)> batch, IReadOnlyList<(long A, long B, float Overlap)>? restatements = null)
    {
        using var tx = _connection.BeginTransaction();
        if (restatements is { Count: > 0 })
        {
            using var restated = new RawStatement(_connection, "INSERT INTO restatements(claim_a, claim_b, overlap) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET overlap = excluded.overlap");
            foreach (var (a, b, overlap) in restatements)
            {
                if (a >= b) throw new ArgumentException($"restatement ({a}, {b}) must have the lower claim id first");
                restated.Bind(1, a).Bind(2, b).Bind(3, overlap).Execute();
            }
        }
        using var flag = new RawStatement(_connection, """
            INSERT INTO flags(claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at, article_a, article_b)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, (SELECT article_id FROM claims WHERE id = ?1), (SELECT article_id FROM claims WHERE id = ?2))
            ON CONFLICT(claim_a, claim_b) DO UPDATE SET confidence = excluded.confidence, kind = excluded.kind,
                explanation = excluded.explanation, stance = excluded.stance, updated_at = excluded.updated_at
            """);
        flag.Bind(7, Now());
        foreach (var (a, b, score, isFlag) in batch)
        {
            if (a >= b) throw new ArgumentException($"pair ({a}, {b}) must have the lower claim id first");
            if (!isFlag) continue;
            flag.Bind(1, a).Bind(2, b).Bind(3, score.Confidence).Bind(4, score.Kind.ToString())
                .Bind(5, JsonSerializer.Serialize(score.Cues))
                .Bind(6, JsonSerializer.Serialize(new StanceJson(Probabilities(score.AtoB), Probabilities(score.BtoA))))
                .Execute();
        }
        tx.Commit();
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
    /// Replaces the copy-origin of each claim (origins are recomputed over everything stored). Only rows that
    /// change are written: a rescan of a large store rewrites nothing.
    /// </summary>
    public void SaveOrigins(IReadOnlyDictionary<long, string> origins)
    {
        var stored = Origins();
        using var tx = _connection.BeginTransaction();
        using (var save = new RawStatement(_connection, "INSERT INTO claim_origins(claim_id, origin) VALUES (?1, ?2) ON CONFLICT(claim_id) DO UPDATE SET origin = excluded.origin"))
        {
            foreach (var (claim, origin) in origins)
            {
                if (stored.TryGetValue(claim, out var old) && old == origin) continue;
                save.Bind(1, claim).Bind(2, origin).Execute();
            }
        }
        tx.Commit();
    }

    public Dictionary<long, string> Origins()
    {
        var map = new Dictionary<long, string>();
        using var cmd = Command("SELECT claim_id, origin FROM claim_origins");
        using var r = cmd.ExecuteReader();
        while (r.Read()) map[r.GetInt64(0)] = r.GetString(1);
        return map;
    }

    private static float[] Probabilities(Core.Stance.StanceProbabilities p) => [p.Agree, p.Disagree, p.Discuss, p.Unrelated];
}
