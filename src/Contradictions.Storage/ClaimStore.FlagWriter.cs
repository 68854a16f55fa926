using Microsoft.Data.Sqlite;

namespace Contradictions.Storage;

public sealed partial class ClaimStore
{
    /// <summary>
    /// One transaction of flags and restatements, added a part at a time, and last, if asked, the pairs scored: a
    /// scan adds each part as soon as it is scored, so that when scoring ends little is left to write. Disposed
    /// without <see cref="FlagWriter.Commit"/>, nothing it added is kept.
    /// </summary>
    internal FlagWriter BeginFlags() => new(this);

    internal sealed class FlagWriter : IDisposable
    {
        private readonly ClaimStore store;
        private readonly SqliteTransaction tx;
        private readonly RawStatement restated;
        private readonly RawStatement flag;

        public FlagWriter(ClaimStore store)
        {
            this.store = store;
            tx = store._connection.BeginTransaction();
            try
            {
                restated = new RawStatement(store._connection, "INSERT INTO restatements(claim_a, claim_b, overlap) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET overlap = excluded.overlap");
                flag = new RawStatement(store._connection, """
                    INSERT INTO flags(claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at, article_a, article_b)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, coalesce(?8, (SELECT article_id FROM claims WHERE id = ?1)), coalesce(?9, (SELECT article_id FROM claims WHERE id = ?2)))
                    ON CONFLICT(claim_a, claim_b) DO UPDATE SET confidence = excluded.confidence, kind = excluded.kind,
                        explanation = excluded.explanation, stance = excluded.stance, updated_at = excluded.updated_at
                    """);
                // One time for the transaction: its flags are committed together.
                flag.Bind(7, store.Now());
            }
            catch
            {
                restated?.Dispose();
                flag?.Dispose();
                tx.Dispose();
                throw;
            }
        }

        public void Add(IReadOnlyList<FlagRow> flags, IReadOnlyList<(long A, long B, float Overlap)>? restatements)
        {
            foreach (var (a, b, overlap) in restatements ?? [])
            {
                if (a >= b) throw new ArgumentException($"restatement ({a}, {b}) must have the lower claim id first");
                restated.Bind(1, a).Bind(2, b).Bind(3, overlap).Execute();
            }
            foreach (var f in flags)
            {
                if (f.A >= f.B) throw new ArgumentException($"pair ({f.A}, {f.B}) must have the lower claim id first");
                flag.Bind(1, f.A).Bind(2, f.B).Bind(3, f.Confidence).Bind(4, f.Kind).Bind(5, f.Explanation).Bind(6, f.Stance)
                    .Bind(8, f.ArticleA).Bind(9, f.ArticleB).Execute();
            }
        }

        /// <summary>Records the pairs as scored in this transaction (<see cref="SaveScoredPairs"/>).</summary>
        public void RecordScored(ScoredPairGroups groups) => store.WriteScored(groups);

        public void Commit() => tx.Commit();

        public void Dispose()
        {
            flag.Dispose();
            restated.Dispose();
            tx.Dispose();
        }
    }

    /// <summary>
    /// Pairs to record as scored, validated, sorted and grouped by their lower claim id: work that needs no store, so
    /// a scan does it while its pairs are scored.
    /// </summary>
    internal sealed class ScoredPairGroups
    {
        private ScoredPairGroups(List<(long Claim, List<long> Partners)> groups) => Groups = groups;

        public List<(long Claim, List<long> Partners)> Groups { get; }

        public static ScoredPairGroups Of(IEnumerable<(long A, long B)> pairs)
        {
            var sorted = pairs.ToArray();
            foreach (var (a, b) in sorted)
            {
                if (a >= b) throw new ArgumentException($"pair ({a}, {b}) must have the lower claim id first");
            }
            Array.Sort(sorted);
            var groups = new List<(long, List<long>)>();
            for (int i = 0; i < sorted.Length;)
            {
                long claim = sorted[i].A;
                var partners = new List<long>();
                for (; i < sorted.Length && sorted[i].A == claim; i++)
                {
                    if (partners.Count == 0 || partners[^1] != sorted[i].B) partners.Add(sorted[i].B);
                }
                groups.Add((claim, partners));
            }
            return new ScoredPairGroups(groups);
        }
    }

    // Within the caller's transaction: each claim's stored partners merged with the new ones.
    private void WriteScored(ScoredPairGroups groups)
    {
        using var read = new RawStatement(_connection, "SELECT partners FROM scored_partners WHERE claim_id = ?1");
        using var write = new RawStatement(_connection, "INSERT INTO scored_partners(claim_id, partners) VALUES (?1, ?2) ON CONFLICT(claim_id) DO UPDATE SET partners = excluded.partners");
        foreach (var (claim, added) in groups.Groups)
        {
            var stored = read.Bind(1, claim).ScalarBlob();
            write.Bind(1, claim).Bind(2, Pack(stored is null ? added : Merge(Unpack(stored), added))).Execute();
        }
    }

    /// <summary>The union of two ascending id lists, ascending.</summary>
    private static List<long> Merge(long[] stored, List<long> added)
    {
        var merged = new List<long>(stored.Length + added.Count);
        int i = 0, j = 0;
        while (i < stored.Length || j < added.Count)
        {
            long next = j == added.Count || (i < stored.Length && stored[i] <= added[j]) ? stored[i] : added[j];
            if (i < stored.Length && stored[i] == next) i++;
            if (j < added.Count && added[j] == next) j++;
            merged.Add(next);
        }
        return merged;
    }

    private static byte[] Pack(List<long> ids)
    {
        var bytes = new byte[ids.Count * sizeof(long)];
        for (int i = 0; i < ids.Count; i++) System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(sizeof(long) * i), ids[i]);
        return bytes;
    }

    private static long[] Unpack(byte[] bytes)
    {
        var ids = new long[bytes.Length / sizeof(long)];
        for (int i = 0; i < ids.Length; i++) ids[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(sizeof(long) * i));
        return ids;
    }
}
