using Contradictions.ML.Detection;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Cli.Tests;

/// <summary>
/// The scan service in process, with the committed model and a real SQLite file (this project is the one that sees
/// both): which pairs a scan scores when some claims were scanned before.
/// </summary>
public class ScanServiceTests
{
    private static readonly Lazy<ContradictionModel> Model = new(() => ContradictionModel.Load(RepoRoot.File("models", "contradiction.zip")));

    [Fact]
    public void A_scan_scores_only_pairs_with_a_claim_not_scanned_before_and_marks_every_claim()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("first"));
        Directory.CreateDirectory(dir.File("later"));
        foreach (var f in Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt"))
        {
            bool post = Path.GetFileName(f).StartsWith("002_", StringComparison.Ordinal);
            File.Copy(f, dir.File(Path.Combine(post ? "later" : "first", Path.GetFileName(f))));
        }
        using var store = ClaimStore.Open(dir.File("store.db"));
        var scan = new ScanService(store, Model.Value, new ScanOptions { Parallelism = 2, MinReportedConfidence = 1 });

        var first = scan.Scan([dir.File("first")]);
        var scannedFirst = store.ScannedClaims();
        var later = scan.Scan([dir.File("later")]);
        var again = scan.Scan([dir.File("first"), dir.File("later")]);

        Assert.True(first.PairsScored > 100, $"{first.PairsScored} pairs");
        Assert.Equal(first.Claims, scannedFirst.Count);
        Assert.True(later.PairsScored > 0);
        Assert.All(later.ScoredPairs, p => Assert.False(scannedFirst.Contains(p.A) && scannedFirst.Contains(p.B), $"{p} was scored before"));
        Assert.Equal(store.AllClaims().Select(c => c.ClaimId).ToHashSet(), store.ScannedClaims());
        Assert.Equal(0, again.PairsScored);
        Assert.Equal(later.Claims, again.Claims);
    }
}
