using System.CommandLine;
using System.Globalization;
using Contradictions.Cli.Data;
using Contradictions.Cli.Output;
using Contradictions.ML.Data;
using Contradictions.ML.Evaluation;
using Contradictions.ML.Model;
using Contradictions.ML.Training;
using Spectre.Console;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions train</c>: fit the stance model on FNC-1, report hold-out metrics, write model and card.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "FNC-1 folder (train_stances.csv, train_bodies.csv, training_ids.txt, hold_out_ids.txt)", DefaultValueFactory = _ => "data/fnc-1" };
        var includeArc = new Option<bool>("--include-arc") { Description = "Add the ARC corpus to the training pairs" };
        var arc = new Option<string>("--arc") { Description = "ARC folder (arc_stances_train.csv, arc_bodies.csv)", DefaultValueFactory = _ => "data/arc" };
        var output = new Option<string>("--out") { Description = "Model file; the card is written beside it as .json", DefaultValueFactory = _ => "models/stance.zip" };
        var all = new Option<bool>("--all") { Description = "Train on every FNC-1 pair, hold-out included (no hold-out metrics)" };
        var shape = new Option<ModelShape>("--shape") { Description = "TwoStage or OneStage", DefaultValueFactory = _ => ModelShape.TwoStage };
        var trees = new Option<int>("--trees") { Description = "Boosting rounds per head", DefaultValueFactory = _ => new StanceTrainerOptions().NumberOfTrees };
        var weightExponent = new Option<double>("--class-weight-exponent") { Description = "0 unweighted, 1 balanced classes", DefaultValueFactory = _ => new StanceTrainerOptions().ClassWeightExponent };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Report malformed rows and go on instead of stopping" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines" };
        var withReviews = new Option<string?>("--with-reviews")
        {
            Description = "Fold reviewed pairs into training: a claim,passage,label CSV (export-training), or with no value the reviewed flags of --db",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var reviewWeight = new Option<float>("--review-weight") { Description = "Example weight of a reviewed pair relative to an FNC-1 pair", DefaultValueFactory = _ => new StanceTrainerOptions().ReviewWeight };
        var db = CommonOptions.Db();
        var command = new Command("train", "Train the claim-stance classifier on FNC-1 and write models/stance.zip with its card")
        {
            data, includeArc, arc, output, all, shape, trees, weightExponent, seed, skipBad, quiet, withReviews, reviewWeight, db,
        };
        command.SetAction(parse =>
        {
            var progress = new TerminalProgress(parse.GetValue(quiet));
            try
            {
                var corpus = FncCorpus.Load(parse.GetValue(data)!, parse.GetValue(includeArc) ? parse.GetValue(arc) : null, parse.GetValue(skipBad));
                foreach (var row in corpus.Skipped) Console.Error.WriteLine($"skipped {row}");
                var options = new StanceTrainerOptions
                {
                    Seed = parse.GetValue(seed),
                    Shape = parse.GetValue(shape),
                    NumberOfTrees = parse.GetValue(trees),
                    ClassWeightExponent = parse.GetValue(weightExponent),
                    ReviewWeight = parse.GetValue(reviewWeight),
                };
                bool everything = parse.GetValue(all);
                var pairs = (everything ? corpus.All : corpus.Training).Concat(corpus.Extra).ToList();
                ReviewsCard? reviewsCard = null;
                if (parse.GetResult(withReviews) is not null)
                {
                    var reviews = ReviewSource.Load(parse.GetValue(withReviews), parse.GetValue(db), parse.GetValue(skipBad));
                    // Reviewed pairs join the training side only; any the hold-out holds are dropped, never evaluated on.
                    var fold = ReviewedPairs.Fold(reviews.Pairs, everything ? [] : corpus.HoldOut, options.ReviewWeight);
                    pairs.AddRange(fold.Pairs);
                    reviewsCard = new ReviewsCard(reviews.Source, fold.Pairs.Count, fold.DroppedAsEvaluation, reviews.Sha256, options.ReviewWeight);
                    progress.Report($"folding in {fold.Pairs.Count:N0} reviewed pair(s) from {reviews.Source} at weight {options.ReviewWeight}" +
                        (fold.DroppedAsEvaluation > 0 ? $" ({fold.DroppedAsEvaluation} dropped: in the hold-out)" : ""));
                }
                progress.Report($"training on {pairs.Count:N0} pairs ({corpus.Extra.Count:N0} from ARC, {reviewsCard?.Rows ?? 0:N0} reviewed)");
                var result = StanceTrainer.Train(pairs, options, progress);
                MetricsCard? holdOut = null;
                if (!everything)
                {
                    progress.Report($"scoring {corpus.HoldOut.Count:N0} hold-out pairs");
                    var evaluation = StanceEvaluation.Evaluate(result.Model, corpus.HoldOut);
                    MetricsReport.Write(AnsiConsole.Console, "Hold-out split (FNC-1 hold_out_ids.txt)", evaluation.Metrics);
                    holdOut = MetricsCard.From(evaluation.Metrics);
                }
                var path = parse.GetValue(output)!;
                result.Model.Save(path, result.MlNetHeads);
                var card = new ModelCard(
                    Path.GetFileName(path),
                    "contradictions train",
                    everything ? "all FNC-1 training pairs, hold-out included" : "FNC-1 training_ids.txt split",
                    corpus.Files.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, f).Replace('\\', '/')).ToArray(),
                    corpus.DataSha256,
                    pairs.Count,
                    options.Seed,
                    "ML.NET FastTree binary heads (" + options.Shape + "), Platt-calibrated, exported to flat trees",
                    new Dictionary<string, object>
                    {
                        ["numberOfTrees"] = options.NumberOfTrees,
                        ["relatedTrees"] = options.RelatedTrees,
                        ["numberOfLeaves"] = options.NumberOfLeaves,
                        ["minimumExampleCountPerLeaf"] = options.MinimumExampleCountPerLeaf,
                        ["learningRate"] = options.LearningRate,
                        ["classWeightExponent"] = options.ClassWeightExponent,
                        ["tuneClassScale"] = options.TuneClassScale,
                        ["lsaDimensions"] = options.Text.LsaDimensions,
                        ["maxTerms"] = options.Text.MaxTerms,
                        ["includeArc"] = corpus.Extra.Count > 0,
                    },
                    result.Model.ClassScale,
                    StanceModel.FeatureNames,
                    holdOut,
                    Math.Round(result.Duration.TotalSeconds, 1),
                    reviewsCard);
                card.Save(Path.ChangeExtension(path, ".json"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {path} and {Path.ChangeExtension(path, ".json")} (trained in {result.Duration.TotalSeconds:0.0} s)"));
                return 0;
            }
            catch (Exception e) when (e is DataFormatException or FileNotFoundException or InvalidDataException or ReviewSourceException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
