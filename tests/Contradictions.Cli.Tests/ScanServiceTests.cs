using System.Text.Json;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Cli.Tests;

/// <summary>
/// The scan service in process, with the committed model and real SQLite files (this project is the one that sees
/// both): which pairs a scan scores when others were scored before.
/// </summary>
public class ScanServiceTests
{
    private static readonly Lazy<ContradictionModel> Model = new(() => ContradictionModel.Load(RepoRoot.File("models", "contradiction.zip")));

    private static ScanService Service(ClaimStore store) =>
        new(store, Model.Value, new ScanOptions { Parallelism = 2, MinReportedConfidence = double.PositiveInfinity });

    [Fact]
    public void Scanning_in_two_steps_flags_everything_one_scan_of_the_same_articles_flags()
    {
        using var dir = new TempDir();
        var bodies = FncLoader.LoadBodies(RepoRoot.File("data", "fnc-1", "train_bodies.csv"), skipBadRows: false, [])
            .OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Take(450).ToList();
        string Corpus(string name, IEnumerable<KeyValuePair<string, string>> rows)
        {
            File.WriteAllLines(dir.File(name), rows.Select(b => JsonSerializer.Serialize(new { id = "fnc-" + b.Key, body = b.Value })));
            return dir.File(name);
        }
        string first = Corpus("first.jsonl", bodies.Take(300)), later = Corpus("later.jsonl", bodies.Skip(300));
        using var once = ClaimStore.Open(dir.File("once.db"));
        using var steps = ClaimStore.Open(dir.File("steps.db"));

        var all = Service(once).Scan([first, later]);
        var step1 = Service(steps).Scan([first]);
        var scoredBefore = steps.ScoredPartners();
        var firstClaims = steps.AllClaims().Select(c => c.ClaimId).ToHashSet();
        var step2 = Service(steps).Scan([later]);
        var again = Service(steps).Scan([first, later]);

        // The second step scores no pair twice, and nothing is left for a third.
        Assert.All(step2.ScoredPairs, p => Assert.False(ClaimStore.WasScored(scoredBefore, p.A, p.B), $"{p} was scored before"));
        Assert.Equal(0, again.PairsScored);
        // Claim ids are the same in both stores (same articles, same order). Term weights and copy origins change as
        // the store grows, so two earlier claims can become candidates of each other only in the second step: those
        // pairs are scored then too, so every flag of the single scan is there, at the same confidence.
        Assert.Equal(all.Claims, step2.Claims);
        var stepFlags = steps.Flags().ToDictionary(f => (f.ClaimA, f.ClaimB), f => f.Confidence);
        var onceFlags = once.Flags();
        Assert.True(onceFlags.Count > 1_000, $"{onceFlags.Count} flags");
        Assert.All(onceFlags, f => Assert.Equal(f.Confidence, stepFlags[(f.ClaimA, f.ClaimB)]));
        Assert.Contains(step2.ScoredPairs, p => firstClaims.Contains(p.A) && firstClaims.Contains(p.B));
        Assert.Equal(step1.Claims, firstClaims.Count);
    }

    [Fact]
    public void Work_done_during_ingest_changes_nothing_a_scan_finds()
    {
        using var dir = new TempDir();
        var bodies = FncLoader.LoadBodies(RepoRoot.File("data", "fnc-1", "train_bodies.csv"), skipBadRows: false, [])
            .OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Take(200).ToList();
        var corpus = dir.File("bodies.jsonl");
        File.WriteAllLines(corpus, bodies.Select(b => JsonSerializer.Serialize(new { id = "fnc-" + b.Key, body = b.Value })));
        using var scanned = ClaimStore.Open(dir.File("scanned.db"));
        using var apart = ClaimStore.Open(dir.File("apart.db"));

        // Scan sketches, stems and prepares each batch of claims while ingest writes the next; Detect after a plain
        // ingest, with a model that has prepared nothing, does all of it afterwards.
        // Fresh models: the shared one may have prepared these claim ids in another test, and prework must do it here.
        ContradictionModel Fresh() => ContradictionModel.Load(RepoRoot.File("models", "contradiction.zip"));
        var scan = new ScanService(scanned, Fresh(), new ScanOptions { Parallelism = 2, MinReportedConfidence = double.PositiveInfinity }).Scan([corpus]);
        var ingest = Contradictions.Storage.Ingest.Ingestor.Run(apart, [corpus], ingest: new() { KeepClaims = true });
        var detect = new ScanService(apart, Fresh(),
            new ScanOptions { Parallelism = 2, MinReportedConfidence = double.PositiveInfinity }).Detect(ingest);

        Assert.Equal(scan.ScoredPairs, detect.ScoredPairs);
        Assert.True(scan.PairsScored > 1_000, $"{scan.PairsScored} pairs");
        Assert.Equal(scanned.Origins().OrderBy(o => o.Key), apart.Origins().OrderBy(o => o.Key));
        Assert.Contains(scanned.Origins(), o => o.Value != OriginOf(o.Key));
        Assert.Equal(scanned.Flags().Select(f => (f.Id, f.ClaimA, f.ClaimB, f.Confidence, f.Kind)),
            apart.Flags().Select(f => (f.Id, f.ClaimA, f.ClaimB, f.Confidence, f.Kind)));
        Assert.Contains(scan.Timings, t => t.Stage.StartsWith("per-claim work", StringComparison.Ordinal));
    }

    [Fact]
    public void Threads_and_batch_sizes_change_no_stored_row()
    {
        using var dir = new TempDir();
        var bodies = FncLoader.LoadBodies(RepoRoot.File("data", "fnc-1", "train_bodies.csv"), skipBadRows: false, [])
            .OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Take(150).ToList();
        var corpus = dir.File("bodies.jsonl");
        File.WriteAllLines(corpus, bodies.Select(b => JsonSerializer.Serialize(new { id = "fnc-" + b.Key, body = b.Value })));

        // One thread and one transaction; three threads (more than the cores here) and a transaction every 1,000
        // pairs, so many parts are scored out of order and written in order, with commits between them.
        (ScanResult Result, ClaimStore Store) Scan(string name, int threads, int batch)
        {
            var store = ClaimStore.Open(dir.File(name));
            return (new ScanService(store, Model.Value, new ScanOptions { Parallelism = threads, BatchSize = batch, MinReportedConfidence = double.PositiveInfinity }).Scan([corpus]), store);
        }
        var (serial, one) = Scan("serial.db", 1, 1_000_000);
        var (parallel, many) = Scan("parallel.db", 3, 1_000);
        using (one)
        using (many)
        {
            Assert.True(serial.PairsScored > 10_000, $"{serial.PairsScored} pairs");
            Assert.Equal(serial.ScoredPairs, parallel.ScoredPairs);
            var flags = one.Flags();
            Assert.True(flags.Count > 100, $"{flags.Count} flags");
            Assert.Equal(flags.Select(f => (f.Id, f.ClaimA, f.ClaimB, f.Confidence, f.Kind, string.Join("|", f.Explanation))),
                many.Flags().Select(f => (f.Id, f.ClaimA, f.ClaimB, f.Confidence, f.Kind, string.Join("|", f.Explanation))));
            Assert.Equal(one.Restatements(), many.Restatements());
            Assert.Equal(one.ScoredPartners().OrderBy(p => p.Key).Select(p => (p.Key, string.Join(",", p.Value))),
                many.ScoredPartners().OrderBy(p => p.Key).Select(p => (p.Key, string.Join(",", p.Value))));
        }
    }

    private static string OriginOf(long claimId) => Contradictions.Core.Detection.OriginClusterer.OriginIdOf(claimId);
}
