using System.Security.Cryptography;

namespace Contradictions.ML.Data;

/// <summary>The FNC-1 training folder with its standard split by Body ID, optionally plus ARC as extra training data.</summary>
public sealed record FncCorpus(
    IReadOnlyList<LabeledPair> Training,
    IReadOnlyList<LabeledPair> HoldOut,
    IReadOnlyList<LabeledPair> Extra,
    IReadOnlyList<SkippedRow> Skipped,
    string DataSha256,
    IReadOnlyList<string> Files)
{
    public IEnumerable<LabeledPair> All => Training.Concat(HoldOut);

    /// <param name="folder">Holds train_stances.csv, train_bodies.csv, training_ids.txt and hold_out_ids.txt.</param>
    /// <param name="arcFolder">Holds arc_stances_train.csv and arc_bodies.csv; null leaves ARC out.</param>
    public static FncCorpus Load(string folder, string? arcFolder = null, bool skipBadRows = false)
    {
        var stances = Path.Combine(folder, "train_stances.csv");
        var bodies = Path.Combine(folder, "train_bodies.csv");
        var trainIdsPath = Path.Combine(folder, "training_ids.txt");
        var holdIdsPath = Path.Combine(folder, "hold_out_ids.txt");
        var files = new List<string> { stances, bodies, trainIdsPath, holdIdsPath };
        var loaded = FncLoader.Load(stances, bodies, skipBadRows);
        var trainIds = FncLoader.LoadIds(trainIdsPath);
        var holdIds = FncLoader.LoadIds(holdIdsPath);
        var training = loaded.Pairs.Where(p => trainIds.Contains(p.PassageId)).ToList();
        var holdOut = loaded.Pairs.Where(p => holdIds.Contains(p.PassageId)).ToList();
        var skipped = loaded.Skipped.ToList();
        var extra = new List<LabeledPair>();
        if (arcFolder is not null)
        {
            var arcStances = Path.Combine(arcFolder, "arc_stances_train.csv");
            var arcBodies = Path.Combine(arcFolder, "arc_bodies.csv");
            files.Add(arcStances);
            files.Add(arcBodies);
            var arc = FncLoader.Load(arcStances, arcBodies, skipBadRows, passagePrefix: "arc:");
            extra.AddRange(arc.Pairs);
            skipped.AddRange(arc.Skipped);
        }
        return new FncCorpus(training, holdOut, extra, skipped, Sha256(files), files);
    }

    /// <summary>SHA-256 over the files' bytes in order, so a model card pins exactly the data it was trained on.</summary>
    public static string Sha256(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files) hash.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
