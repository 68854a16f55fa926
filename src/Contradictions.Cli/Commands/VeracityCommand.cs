using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Contradictions.Cli.Data;
using Contradictions.Core.Reliability;
using Contradictions.Core.Reliability.Veracity;
using Contradictions.Storage.Reliability;
using Spectre.Console;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions veracity</c>: learns source reliability from labelled Emergent-format claims and predicts the
/// veracity of test claims, or cross-validates the method against stance-counting baselines.
/// </summary>
internal static class VeracityCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Emergent-format CSV with labelled claims to learn source reliability from.", Required = true };
        var test = new Option<FileInfo?>("--test") { Description = "Emergent-format CSV with the claims to predict (claimTruth may be empty)." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Write claimId,claimTruth,confidence rows here." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var cv = new Option<int?>("--cv") { Description = "Instead of --test: k-fold cross-validation by claim on the --train file (e.g. 5)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the cross-validation shuffle.", DefaultValueFactory = _ => 42 };
        var priors = new Option<FileInfo?>("--priors") { Description = "Outlet priors CSV (domain,reliability_label,...), e.g. data/source-priors/golden_truth_dataset.csv." };

        var command = new Command("veracity", "Learn source reliability from labelled claims and predict true/false/unknown for others.")
        {
            train, test, predictions, json, cv, seed, priors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var trainFile = parseResult.GetValue(train)!;
                var testFile = parseResult.GetValue(test);
                var folds = parseResult.GetValue(cv);
                if (testFile is null == folds is null)
                {
                    error.WriteLine("Give exactly one of --test FILE or --cv K.");
                    return 2;
                }

                var priorsFile = parseResult.GetValue(priors);
                var sourcePriors = priorsFile is null ? null : SourcePriorsFile.Read(priorsFile.FullName);
                var training = EmergentCsv.Read(trainFile.FullName);
                if (folds is { } k)
                {
                    var report = VeracityCrossValidation.Run(training, k, parseResult.GetValue(seed), sourcePriors);
                    if (parseResult.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(report, Json));
                    else PrintCrossValidation(output, report);
                    return 0;
                }

                var testing = EmergentCsv.Read(testFile!.FullName);
                var model = VeracityPredictor.Train(training, sourcePriors);
                var result = Evaluate(model, testing);
                if (parseResult.GetValue(predictions) is { } predictionsFile)
                    EmergentCsv.WritePredictions(predictionsFile.FullName, result.Predictions);
                if (parseResult.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(result, Json));
                else PrintEvaluation(output, model, result);
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                error.WriteLine($"veracity: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal sealed record Evaluation(
        int TrainingSources,
        double FalseBelow,
        double TrueAbove,
        IReadOnlyList<VeracityPrediction> Predictions,
        IReadOnlyList<MethodScores> Scores);

    private static Evaluation Evaluate(VeracityModel model, IReadOnlyList<EmergentArticle> testing)
    {
        var claims = VeracityPredictor.GroupByClaim(testing);
        var predictions = claims.Select(c => model.Predict(c.Key, c.Value)).ToList();
        var scores = new List<MethodScores>();
        var labelled = claims.Where(c => c.Value.First().ClaimTruth is not null).ToList();
        if (labelled.Count > 0)
        {
            var gold = labelled.ToDictionary(c => c.Key, c => c.Value.First().ClaimTruth!.Value);
            scores.Add(Score(VeracityCrossValidation.Weighted, predictions.Where(p => gold.ContainsKey(p.ClaimId)), gold));
            scores.Add(Score(VeracityCrossValidation.Majority, labelled.Select(c => VeracityBaselines.MajorityVote(c.Key, c.Value)), gold));
            scores.Add(Score(VeracityCrossValidation.Counts, labelled.Select(c => VeracityBaselines.ForMinusAgainst(c.Key, c.Value)), gold));
        }

        return new Evaluation(model.Reliability.Sources.Count, model.FalseBelow, model.TrueAbove, predictions, scores);
    }

    private static MethodScores Score(string method, IEnumerable<VeracityPrediction> predictions, Dictionary<string, Veracity> gold) =>
        new(method, ClassificationScores.Compute([.. predictions.Select(p => (gold[p.ClaimId], p.Predicted))]));

    private static IAnsiConsole ConsoleFor(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
    });

    private static void PrintEvaluation(TextWriter output, VeracityModel model, Evaluation result)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Learned {result.TrainingSources} source reliabilities; P(true) ≤ {result.FalseBelow:0.00} → false, ≥ {result.TrueAbove:0.00} → true, else unknown."));
        var counts = result.Predictions.GroupBy(p => p.Predicted).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToLabel()}");
        output.WriteLine($"Predicted {result.Predictions.Count} claims: {string.Join(", ", counts)}.");
        if (result.Scores.Count == 0)
        {
            output.WriteLine("The test file carries no labels: no accuracy to report.");
            return;
        }

        ConsoleFor(output).Write(ScoreTable(result.Scores));
        var top = model.Reliability.Sources.Where(s => s.Evidence.Claims >= 3).Take(3).ToList();
        foreach (var source in top)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {source.Source.Name}: {source.Estimate:0.00} [{source.Lower:0.00}, {source.Upper:0.00}] from {source.Evidence.Claims} claims"));
    }

    private static void PrintCrossValidation(TextWriter output, CrossValidationReport report)
    {
        output.WriteLine($"{report.Folds}-fold cross-validation by claim (seed {report.Seed}) on {report.Claims} claims.");
        var console = ConsoleFor(output);
        console.Write(ScoreTable(report.Methods));
        var coverage = new Table().AddColumns("interval check", "cases", "covered");
        foreach (var c in report.Coverage)
            coverage.AddRow(Markup.Escape(c.Description), c.Sources.ToString(CultureInfo.InvariantCulture), c.Rate.ToString("P1", CultureInfo.InvariantCulture));
        console.Write(coverage);
    }

    private static Table ScoreTable(IEnumerable<MethodScores> scores)
    {
        var table = new Table().AddColumns("method", "claims", "accuracy", "macro-F1");
        foreach (var m in scores)
        {
            table.AddRow(Markup.Escape(m.Method), m.Scores.Count.ToString(CultureInfo.InvariantCulture),
                m.Scores.Accuracy.ToString("0.000", CultureInfo.InvariantCulture), m.Scores.MacroF1.ToString("0.000", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
