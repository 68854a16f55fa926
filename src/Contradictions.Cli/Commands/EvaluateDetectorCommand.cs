using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Contradictions.Cli.Output;
using Contradictions.Core.Articles;
using Contradictions.ML.Data;
using Contradictions.ML.Evaluation;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions evaluate-detector</c>: scan the FNC-1 bodies of a split as articles, then judge the stored
/// flags against body pairs: (agreeing, disagreeing) bodies of one headline contradict, two agreeing bodies do not
/// (<see cref="BodyPairTruth"/>). The headlines themselves are never scanned, so a pair is found only when the
/// detector pairs claims of the two bodies about the same subject.
/// </summary>
internal static class EvaluateDetectorCommand
{
    private static readonly string[] Splits = ["hold-out", "training", "all"];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "FNC-1 folder (train_bodies.csv, train_stances.csv, hold_out_ids.txt, training_ids.txt)", DefaultValueFactory = _ => "data/fnc-1" };
        var split = new Option<string>("--split") { Description = "hold-out, training or all bodies", DefaultValueFactory = _ => "hold-out" };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Threshold of the headline precision and recall", DefaultValueFactory = _ => 0.5 };
        var thresholds = new Option<string>("--thresholds") { Description = "Further thresholds, comma-separated", DefaultValueFactory = _ => "0.3,0.5,0.7" };
        var db = new Option<string?>("--db") { Description = "Keep the store in this SQLite file (default: a temporary file, deleted after)" };
        var model = new Option<string?>("--model") { Description = "Contradiction model (default models/contradiction.zip)" };
        var threads = new Option<int>("--threads") { Description = "Threads for claim extraction and pair scoring", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the counts and metrics as JSON" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines" };
        var command = new Command("evaluate-detector", "Scan FNC-1 bodies as articles and report precision and recall of flagged body pairs (agree vs disagree with one headline = contradiction, agree vs agree = consistent)")
        {
            data, split, minConfidence, thresholds, db, model, threads, json, quiet,
        };
        command.SetAction((parse, cancel) =>
        {
            var splitName = parse.GetValue(split)!;
            var levels = ParseThresholds(parse.GetValue(thresholds)!, parse.GetValue(minConfidence));
            var floor = new ScanOptions().FlagFloor;
            if (!Splits.Contains(splitName) || levels is null || levels.Any(t => t < floor || t > 1) || parse.GetValue(threads) < 1)
            {
                Console.Error.WriteLine($"error: --split must be {string.Join(", ", Splits)}; thresholds must be numbers in [{floor}, 1] (flags are stored from {floor}); --threads at least 1");
                return Task.FromResult(ExitCodes.Usage);
            }
            string? temp = null;
            try
            {
                var scorer = ScanCommand.LoadScorer(parse.GetValue(model));
                var (bodies, stances) = Load(parse.GetValue(data)!, splitName);
                temp = Directory.CreateTempSubdirectory("contradictions-eval-").FullName;
                var corpus = WriteCorpus(Path.Combine(temp, "bodies.jsonl"), bodies);
                using var store = ClaimStore.Open(parse.GetValue(db) ?? Path.Combine(temp, "eval.db"));
                var progress = new TerminalProgress(parse.GetValue(quiet));
                // Flags are read below straight from the store, so the scan builds no report of them.
                var options = new ScanOptions { Parallelism = parse.GetValue(threads), MinReportedConfidence = double.PositiveInfinity };
                var scan = new ScanService(store, scorer, options).Scan([corpus], progress, cancel);

                var truth = BodyPairTruth.From(stances, bodies.Keys.ToHashSet(StringComparer.Ordinal));
                var found = BodyPairFlags.Read(store, bodies, levels.Min());
                var sameText = truth.Contradictions.Concat(truth.Consistent).Where(found.SameArticle).ToHashSet();
                truth = truth with
                {
                    Contradictions = truth.Contradictions.Except(sameText).ToHashSet(),
                    Consistent = truth.Consistent.Except(sameText).ToHashSet(),
                };
                var counts = BodyPairEvaluation.Evaluate(truth, found.MaxConfidence, levels);
                var report = new DetectorEvaluationReport(splitName, bodies.Count, scan, found.FlagsAtLowestThreshold, truth, sameText.Count,
                    truth.Contradictions.Count(found.Compared.Contains), truth.Consistent.Count(found.Compared.Contains),
                    parse.GetValue(minConfidence), counts);
                if (parse.GetValue(json)) report.WriteJson(Console.Out);
                else report.WriteText(Console.Out);
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (Exception e) when (e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.PartialFailure);
            }
            finally
            {
                if (temp is not null)
                {
                    try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }
        });
        return command;
    }

    /// <summary>The split's bodies (id → text) and every stance row of them.</summary>
    private static (IReadOnlyDictionary<string, string> Bodies, IReadOnlyList<LabeledPair> Stances) Load(string folder, string split)
    {
        var loaded = FncLoader.Load(Path.Combine(folder, "train_stances.csv"), Path.Combine(folder, "train_bodies.csv"));
        var all = FncLoader.LoadBodies(Path.Combine(folder, "train_bodies.csv"), skipBadRows: false, []);
        IReadOnlySet<string>? ids = split switch
        {
            "hold-out" => FncLoader.LoadIds(Path.Combine(folder, "hold_out_ids.txt")),
            "training" => FncLoader.LoadIds(Path.Combine(folder, "training_ids.txt")),
            _ => null,
        };
        var bodies = all.Where(b => ids is null || ids.Contains(b.Key))
            .OrderBy(b => int.Parse(b.Key, CultureInfo.InvariantCulture))
            .ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);
        return (bodies, loaded.Pairs.Where(p => bodies.ContainsKey(p.PassageId)).ToList());
    }

    /// <summary>One JSON line per body with the body id as the article id, so the scan reads them like any corpus.</summary>
    private static string WriteCorpus(string path, IReadOnlyDictionary<string, string> bodies)
    {
        File.WriteAllLines(path, bodies.Select(b => JsonSerializer.Serialize(new { id = b.Key, body = b.Value })));
        return path;
    }

    private static List<double>? ParseThresholds(string list, double main)
    {
        var values = new List<double> { main };
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return null;
            values.Add(v);
        }
        return values.Distinct().Order().ToList();
    }
}

/// <summary>Stored flags and scored pairs as body pairs: which pairs were compared, and the strongest flag between them.</summary>
internal sealed record BodyPairFlags(
    Dictionary<(string A, string B), float> MaxConfidence,
    HashSet<(string A, string B)> Compared,
    int FlagsAtLowestThreshold,
    Func<(string A, string B), bool> SameArticle)
{
    public static BodyPairFlags Read(ClaimStore store, IReadOnlyDictionary<string, string> bodies, double floor)
    {
        // Bodies map to stored articles by content: two bodies with the same text are one article (stored once).
        var rowOfHash = store.ListArticles().GroupBy(a => a.Article.ContentHash).ToDictionary(g => g.Key, g => g.First().RowId);
        var rowOfBody = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, text) in bodies)
        {
            if (rowOfHash.TryGetValue(Article.ComputeHash(text), out long row)) rowOfBody[id] = row;
        }
        var bodiesOfRow = rowOfBody.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToArray());
        var articleOfClaim = store.AllClaims().ToDictionary(c => c.ClaimId, c => c.ArticleRowId);

        IEnumerable<(string, string)> BodyPairs(long claimA, long claimB)
        {
            long ra = articleOfClaim[claimA], rb = articleOfClaim[claimB];
            if (ra == rb || !bodiesOfRow.TryGetValue(ra, out var xs) || !bodiesOfRow.TryGetValue(rb, out var ys)) yield break;
            foreach (var x in xs)
                foreach (var y in ys) yield return BodyPairTruth.Key(x, y);
        }

        var max = new Dictionary<(string, string), float>();
        var flags = store.Flags(floor);
        foreach (var f in flags)
        {
            foreach (var pair in BodyPairs(f.ClaimA, f.ClaimB))
            {
                if (!max.TryGetValue(pair, out float c) || f.Confidence > c) max[pair] = f.Confidence;
            }
        }
        var compared = store.ScoredPartners().SelectMany(kv => kv.Value.SelectMany(b => BodyPairs(kv.Key, b))).ToHashSet();
        return new BodyPairFlags(max, compared, flags.Count,
            p => rowOfBody.TryGetValue(p.A, out long a) && rowOfBody.TryGetValue(p.B, out long b) && a == b);
    }
}
