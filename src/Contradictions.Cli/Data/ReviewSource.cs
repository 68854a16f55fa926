using Contradictions.Cli.Commands;
using Contradictions.ML.Data;
using Contradictions.Storage;

namespace Contradictions.Cli.Data;

/// <summary>Reviewed pairs could not be read (no database, say).</summary>
internal sealed class ReviewSourceException(string message) : Exception(message);

/// <summary>Reviewed pairs for <c>train --with-reviews</c>, where they came from and the SHA-256 of their rows.</summary>
internal sealed record ReviewSource(IReadOnlyList<LabeledPair> Pairs, string Source, string Sha256)
{
    /// <summary>
    /// A <c>claim,passage,label</c> CSV when <paramref name="csvPath"/> is given (hash of the file's bytes), else the
    /// latest verdicts of the database's reviewed flags through <see cref="ReviewExport"/> (hash of the rows as
    /// <c>export-training</c> writes them, so it matches an exported file).
    /// </summary>
    public static ReviewSource Load(string? csvPath, string? dbOption, bool skipBadRows)
    {
        if (!string.IsNullOrWhiteSpace(csvPath))
        {
            var loaded = LabeledClaimsLoader.Load(csvPath, skipBadRows);
            foreach (var row in loaded.Skipped) Console.Error.WriteLine($"skipped {row}");
            return new ReviewSource(loaded.Pairs, Relative(csvPath), FncCorpus.Sha256([csvPath]));
        }
        var db = CommonOptions.ResolveDbPath(dbOption);
        if (!File.Exists(db)) throw new ReviewSourceException($"{db}: no database to read reviews from (run 'contradictions scan' and review flags, or pass a CSV)");
        IReadOnlyList<TrainingRow> rows;
        using (var store = ClaimStore.Open(db)) rows = ReviewExport.Rows(store);
        var passageIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = rows.Select(r =>
        {
            if (!passageIds.TryGetValue(r.Passage, out var id)) passageIds[r.Passage] = id = $"{Path.GetFileName(db)}#{passageIds.Count}";
            if (!Contradictions.Core.Stance.StanceNames.TryParse(r.Label, out var label)) throw new ReviewSourceException($"flag {r.FlagId}: unknown label '{r.Label}'");
            return new LabeledPair(r.Claim, id, r.Passage, label);
        }).ToList();
        return new ReviewSource(pairs, Relative(db), ReviewCsv.Sha256(rows));
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path)).Replace('\\', '/');
}
