using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

/// <summary>The five verdicts a reviewer can give a flag.</summary>
public static class VerdictKinds
{
    /// <summary>A contradiction; side A is right.</summary>
    public const string ARight = "a_right";
    /// <summary>A contradiction; side B is right.</summary>
    public const string BRight = "b_right";
    /// <summary>A contradiction; who is right is not known (yet).</summary>
    public const string Unresolved = "unresolved";
    /// <summary>Both sides can be true together.</summary>
    public const string NotContradiction = "not_contradiction";
    /// <summary>The two claims are about different things.</summary>
    public const string DifferentSubjects = "different_subjects";

    /// <summary>In the order of the review keys 1–5.</summary>
    public static IReadOnlyList<string> All { get; } = [ARight, BRight, Unresolved, NotContradiction, DifferentSubjects];

    public static bool IsValid(string? verdict) => verdict is not null && All.Contains(verdict);

    /// <summary>Whether the verdict confirms a contradiction (whoever is right).</summary>
    public static bool IsContradiction(string verdict) => verdict is ARight or BRight or Unresolved;
}

/// <summary>One verdict on a flag. <see cref="Version"/> counts the flag's verdicts: 1 for the first.</summary>
public sealed record StoredVerdict(long Id, long FlagId, string Verdict, string Reviewer, string? Note, DateTimeOffset CreatedAt, int Version);

public enum VerdictOutcome
{
    Added,
    /// <summary>Another verdict landed after the one the reviewer saw; nothing was written.</summary>
    Conflict,
    FlagNotFound,
}

/// <summary>What <see cref="ClaimStore.AddVerdict"/> did: the verdict written, or on conflict the current latest verdict.</summary>
public sealed record VerdictResult(VerdictOutcome Outcome, StoredVerdict? Verdict, StoredVerdict? Latest, int CurrentVersion);

/// <summary>Reviewers' verdicts: every verdict is kept; the latest one is the flag's status.</summary>
public sealed partial class ClaimStore
{
    private const string VerdictColumns = "id, flag_id, verdict, reviewer, note, created_at, version";

    /// <summary>
    /// Adds a verdict if the flag still has <paramref name="expectedVersion"/> verdicts (optimistic concurrency);
    /// otherwise returns <see cref="VerdictOutcome.Conflict"/> with the latest verdict. The check and the insert
    /// run in one immediate transaction, so two reviewers cannot both win.
    /// </summary>
    public VerdictResult AddVerdict(long flagId, string verdict, string reviewer, string? note, int expectedVersion)
    {
        if (!VerdictKinds.IsValid(verdict)) throw new ArgumentException($"unknown verdict '{verdict}' (use {string.Join(", ", VerdictKinds.All)})", nameof(verdict));
        if (string.IsNullOrWhiteSpace(reviewer)) throw new ArgumentException("a reviewer name is required", nameof(reviewer));
        using var tx = _connection.BeginTransaction(deferred: false);
        using (var exists = Command("SELECT 1 FROM flags WHERE id = $f", tx))
        {
            exists.Parameters.AddWithValue("$f", flagId);
            if (exists.ExecuteScalar() is null) return new VerdictResult(VerdictOutcome.FlagNotFound, null, null, 0);
        }
        var latest = LatestVerdict(flagId, tx);
        int current = latest?.Version ?? 0;
        if (current != expectedVersion) return new VerdictResult(VerdictOutcome.Conflict, null, latest, current);
        using var insert = Command($"""
            INSERT INTO verdicts(flag_id, verdict, reviewer, note, created_at, version) VALUES ($f, $v, $r, $n, $t, $ver)
            RETURNING {VerdictColumns}
            """, tx);
        insert.Parameters.AddWithValue("$f", flagId);
        insert.Parameters.AddWithValue("$v", verdict);
        insert.Parameters.AddWithValue("$r", reviewer.Trim());
        insert.Parameters.AddWithValue("$n", string.IsNullOrWhiteSpace(note) ? DBNull.Value : note.Trim());
        insert.Parameters.AddWithValue("$t", Now());
        insert.Parameters.AddWithValue("$ver", current + 1);
        StoredVerdict added;
        using (var r = insert.ExecuteReader())
        {
            r.Read();
            added = ReadVerdict(r);
        }
        tx.Commit();
        return new VerdictResult(VerdictOutcome.Added, added, added, added.Version);
    }

    /// <summary>Every verdict on a flag, oldest first.</summary>
    public IReadOnlyList<StoredVerdict> Verdicts(long flagId)
    {
        using var cmd = Command($"SELECT {VerdictColumns} FROM verdicts WHERE flag_id = $f ORDER BY version");
        cmd.Parameters.AddWithValue("$f", flagId);
        return ReadVerdicts(cmd);
    }

    /// <summary>The latest verdict of every reviewed flag, by flag id.</summary>
    public Dictionary<long, StoredVerdict> LatestVerdicts()
    {
        using var cmd = Command($"""
            SELECT {VerdictColumns} FROM verdicts v
            WHERE v.version = (SELECT MAX(version) FROM verdicts w WHERE w.flag_id = v.flag_id)
            """);
        return ReadVerdicts(cmd).ToDictionary(v => v.FlagId);
    }

    /// <summary>One stored flag by id.</summary>
    public StoredFlag? FindFlag(long id) => FindQueuedFlag(id)?.Flag;

    /// <summary>One stored claim by id.</summary>
    public StoredClaim? FindClaim(long claimId) => ReadClaims("WHERE c.id = $a", claimId).FirstOrDefault();

    /// <summary>One stored article by row id.</summary>
    public StoredArticle? FindArticleRow(long rowId)
    {
        var found = QueryArticles("WHERE a.id = $r", ("$r", rowId));
        return found.Count > 0 ? found[0] : null;
    }

    private StoredVerdict? LatestVerdict(long flagId, SqliteTransaction tx)
    {
        using var cmd = Command($"SELECT {VerdictColumns} FROM verdicts WHERE flag_id = $f ORDER BY version DESC LIMIT 1", tx);
        cmd.Parameters.AddWithValue("$f", flagId);
        return ReadVerdicts(cmd).FirstOrDefault();
    }

    private static List<StoredVerdict> ReadVerdicts(SqliteCommand cmd)
    {
        var list = new List<StoredVerdict>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadVerdict(r));
        return list;
    }

    private static StoredVerdict ReadVerdict(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture), r.GetInt32(6));
}
