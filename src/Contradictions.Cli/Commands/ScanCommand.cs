using System.CommandLine;
using Contradictions.Cli.Output;
using Contradictions.ML.Detection;
using Contradictions.ML.Model;
using Contradictions.Storage;
using Contradictions.Storage.Detection;
using Contradictions.Storage.Reliability;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions scan</c>: the main job. Ingest articles, detect contradictions across everything stored, print flags.</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (txt, md, html, jsonl, csv)", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var (minConfidence, format, top) = FlagOptions();
        var model = new Option<string?>("--model") { Description = "Contradiction model (default models/contradiction.zip)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines" };
        var threads = new Option<int>("--threads") { Description = "Threads for claim extraction and pair scoring", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timings = new Option<bool>("--timings") { Description = "Print the time of each stage on standard error" };
        var batchSize = new Option<int>("--batch-size") { Description = "Scored pairs whose flags are written per transaction (a killed scan scores its pairs again on the next run)", DefaultValueFactory = _ => new ScanOptions().BatchSize };
        var command = new Command("scan", "Ingest articles and flag contradictions between their claims, most confident first")
        {
            paths, db, minConfidence, format, top, model, quiet, threads, timings, batchSize,
        };
        command.SetAction((parse, cancel) =>
        {
            var fmt = parse.GetValue(format)!;
            if (fmt is not ("table" or "json" or "csv"))
            {
                Console.Error.WriteLine($"error: --format must be table, json or csv, not '{fmt}'");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (parse.GetValue(threads) < 1 || parse.GetValue(batchSize) < 1)
            {
                Console.Error.WriteLine("error: --threads and --batch-size must be at least 1");
                return Task.FromResult(ExitCodes.Usage);
            }
            try
            {
                var scorer = LoadScorer(parse.GetValue(model));
                using var store = ClaimStore.Open(CommonOptions.ResolveDbPath(parse.GetValue(db)));
                var progress = new TerminalProgress(parse.GetValue(quiet) || Console.IsErrorRedirected && fmt != "table");
                var options = new ScanOptions
                {
                    Parallelism = parse.GetValue(threads), MinReportedConfidence = parse.GetValue(minConfidence), BatchSize = parse.GetValue(batchSize),
                };
                var result = new ScanService(store, scorer, options).Scan(parse.GetValue(paths)!, progress, cancel);
                if (parse.GetValue(timings))
                {
                    foreach (var t in result.Timings)
                    {
                        Console.Error.WriteLine($"timing: {t.Stage}: {t.Elapsed.TotalMilliseconds:0} ms"
                            + (t.Cpu is { } cpu ? $" (CPU {cpu.TotalMilliseconds:0} ms, {t.Allocated / 1_000_000.0:0} MB allocated)" : ""));
                    }
                }
                foreach (var e in result.Ingest.Errors) Console.Error.WriteLine($"error: {e}");
                foreach (var w in result.Ingest.Warnings) Console.Error.WriteLine($"warning: {w}");
                var flags = Select(result.Flags, parse.GetValue(minConfidence), parse.GetValue(top));
                FlagReport.Write(fmt, flags, result, Reliability(store));
                return Task.FromResult(result.Ingest.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.PartialFailure);
            }
        });
        return command;
    }

    internal static ContradictionModel LoadScorer(string? modelPath) => ContradictionModel.Load(ModelPaths.Resolve(modelPath, "contradiction.zip"));

    /// <summary>
    /// Source reliability over everything stored, once per command (the flags then look their sides up), with the
    /// outlet priors found as <c>sources</c> finds them.
    /// </summary>
    internal static StoreReliability Reliability(ClaimStore store) => StoreReliability.Compute(store, SourcePriorsFile.Load(null));

    internal static (Option<double> MinConfidence, Option<string> Format, Option<int?> Top) FlagOptions() => (
        new Option<double>("--min-confidence") { Description = "Show flags at or above this calibrated confidence", DefaultValueFactory = _ => 0.5 },
        new Option<string>("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" },
        new Option<int?>("--top") { Description = "Show at most N flags" });

    internal static IReadOnlyList<FlagView> Select(IReadOnlyList<FlagView> flags, double minConfidence, int? top) =>
        flags.Where(f => f.Confidence >= minConfidence).Take(top ?? int.MaxValue).ToList();
}
