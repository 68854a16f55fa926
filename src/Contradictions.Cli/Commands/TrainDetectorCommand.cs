using System.CommandLine;
using System.Globalization;
using Contradictions.Cli.Output;
using Contradictions.Core.Detection;
using Contradictions.ML.Data;
using Contradictions.ML.Detection;
using Contradictions.ML.Evaluation;
using Contradictions.ML.Model;
using Contradictions.ML.Training;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions train-detector</c>: fit the calibrated contradiction pair model on claim pairs derived from FNC-1 and ARC.</summary>
internal static class TrainDetectorCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "FNC-1 folder", DefaultValueFactory = _ => "data/fnc-1" };
        var arc = new Option<string>("--arc") { Description = "ARC folder (extra training pairs, rich in disagreement)", DefaultValueFactory = _ => "data/arc" };
        var output = new Option<string>("--out") { Description = "Model file; the card is written beside it as .json", DefaultValueFactory = _ => "models/contradiction.zip" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines" };
        var stanceTrees = new Option<int>("--stance-trees") { Description = "Trees per stance head of the pair stance model", DefaultValueFactory = _ => ContradictionTrainer.PairStanceOptions(42).NumberOfTrees };
        var relatedTrees = new Option<int>("--stance-related-trees") { Description = "Trees of the pair stance model's relatedness head", DefaultValueFactory = _ => ContradictionTrainer.PairStanceOptions(42).RelatedTrees };
        var command = new Command("train-detector", "Train the contradiction pair model (FastTree + Platt calibration) and report its calibration on FNC-1 hold-out pairs")
        {
            data, arc, output, seed, quiet, stanceTrees, relatedTrees,
        };
        command.SetAction(parse =>
        {
            var progress = new TerminalProgress(parse.GetValue(quiet));
            if (parse.GetValue(stanceTrees) < 1 || parse.GetValue(relatedTrees) < 1)
            {
                Console.Error.WriteLine("error: --stance-trees and --stance-related-trees must be at least 1");
                return ExitCodes.Usage;
            }
            try
            {
                var corpus = FncCorpus.Load(parse.GetValue(data)!, parse.GetValue(arc));
                var seedValue = parse.GetValue(seed);
                var stanceOptions = ContradictionTrainer.PairStanceOptions(seedValue, parse.GetValue(stanceTrees), parse.GetValue(relatedTrees));
                progress.Report($"training the pair stance model ({stanceOptions.NumberOfTrees} trees per stance head, {stanceOptions.RelatedTrees} for relatedness) on the FNC-1 training split");
                var stanceModel = StanceTrainer.Train(corpus.Training, stanceOptions, progress).Model;
                var stanceCard = new PairStanceCard("FNC-1 training_ids.txt split", stanceOptions.NumberOfTrees, stanceOptions.RelatedTrees,
                    stanceModel.TreesPerPrediction, MetricsCard.From(StanceEvaluation.Evaluate(stanceModel, corpus.HoldOut).Metrics));
                progress.Report("deriving claim pairs (headlines sharing a body, body sentences restating or refuting a headline, rewrites)");
                var training = PairDerivation.FromHeadlines(corpus.Training.Concat(corpus.Extra), seedValue)
                    .Concat(SentencePairDerivation.Derive(corpus.Training.Concat(corpus.Extra), seedValue))
                    .Concat(SyntheticPairDerivation.Derive(corpus.Training, seedValue)).ToList();
                var heldOutHeadlines = PairDerivation.FromHeadlines(corpus.HoldOut, seedValue);
                var heldOutSentences = SentencePairDerivation.Derive(corpus.HoldOut, seedValue);
                var heldOutSynthetic = SyntheticPairDerivation.Derive(corpus.HoldOut, seedValue);
                var heldOut = heldOutHeadlines.Concat(heldOutSentences).Concat(heldOutSynthetic).ToList();
                progress.Report($"derived {training.Count:N0} training pairs ({training.Count(p => p.Contradiction):N0} contradictions), {heldOut.Count:N0} held out ({heldOutSentences.Count:N0} sentence pairs)");
                var options = new StanceTrainerOptions { Seed = parse.GetValue(seed), NumberOfTrees = 100, NumberOfLeaves = 16 };
                var result = ContradictionTrainer.Train(stanceModel, training, heldOut, options, progress);
                var path = parse.GetValue(output)!;
                result.Model.Save(path, result.MlNetHead);
                var card = new ContradictionCard(
                    Path.GetFileName(path),
                    stanceCard,
                    corpus.Files.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, f).Replace('\\', '/')).ToArray(),
                    corpus.DataSha256,
                    result.TrainingPairs,
                    options.Seed,
                    $"ML.NET FastTree binary, {options.NumberOfTrees} trees, {options.NumberOfLeaves} leaves",
                    "ML.NET Platt calibrator fitted on 20% of training passages held out of tree training",
                    PairFeatureExtractor.Names,
                    "pairs derived the same way from the FNC-1 hold_out_ids.txt bodies; realHeldOut leaves out the rewrites",
                    result.HeldOut,
                    result.RealHeldOut,
                    Math.Round(result.Duration.TotalSeconds, 1));
                card.Save(Path.ChangeExtension(path, ".json"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pair stance model on the FNC-1 hold-out: relative FNC score {stanceCard.HoldOut.FncRelative:0.000}, macro-F1 {stanceCard.HoldOut.MacroF1:0.000}, {stanceCard.TreesPerPrediction} trees a prediction"));
                Print("held-out pairs", result.HeldOut);
                Print("real held-out pairs (no rewrites)", result.RealHeldOut);
                Console.WriteLine($"wrote {path} and {Path.ChangeExtension(path, ".json")}");
                return 0;
            }
            catch (Exception e) when (e is DataFormatException or FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Print(string title, CalibrationReport r)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title} {r.Pairs:N0} ({r.Contradictions:N0} contradictions): ECE {r.ExpectedCalibrationError:0.000}, Brier {r.BrierScore:0.000}, precision {r.Precision:0.000}, recall {r.Recall:0.000}, F1 {r.F1:0.000} at {r.Threshold}"));
        foreach (var bin in r.Bins.Where(b => b.Count > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{bin.Lower:0.0}, {bin.Upper:0.0})  n={bin.Count,5}  mean confidence {bin.MeanConfidence:0.000}  observed {bin.ObservedRate:0.000}"));
        }
    }
}
