using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Contradictions.Cli.Output;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Evaluation;
using Contradictions.ML.Model;
using CsvHelper;
using Spectre.Console;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions evaluate</c>: score FNC-format files with a model and print the FNC metrics.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Stance model file", DefaultValueFactory = _ => "models/stance.zip" };
        var stances = new Option<string>("--stances") { Description = "Stances CSV (Headline, Body ID[, Stance])", Required = true };
        var bodies = new Option<string>("--bodies") { Description = "Bodies CSV (Body ID, articleBody)", Required = true };
        var predictions = new Option<string?>("--predictions") { Description = "Write Headline,Body ID,Stance rows in input order (FNC submission format)" };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON" };
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Report malformed rows and go on instead of stopping" };
        var command = new Command("evaluate", "Score FNC-format stances with a model: FNC score, accuracy, per-class and macro F1, confusion matrix")
        {
            model, stances, bodies, predictions, json, skipBad,
        };
        command.SetAction(parse =>
        {
            try
            {
                var classifier = StanceModel.Load(parse.GetValue(model)!);
                var stancesPath = parse.GetValue(stances)!;
                bool labelled = HasStanceColumn(stancesPath);
                var loaded = FncLoader.Load(stancesPath, parse.GetValue(bodies)!, parse.GetValue(skipBad), requireLabels: labelled);
                foreach (var row in loaded.Skipped) Console.Error.WriteLine($"skipped {row}");
                var result = StanceEvaluation.Evaluate(classifier, loaded.Pairs);
                if (parse.GetValue(predictions) is { } predictionsPath) WritePredictions(predictionsPath, loaded.Pairs, result.Predicted);
                if (!labelled)
                {
                    Console.Error.WriteLine($"{stancesPath} has no Stance column: predictions only, no metrics");
                    return 0;
                }
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(MetricsCard.From(result.Metrics), ModelCard.Json));
                }
                else
                {
                    MetricsReport.Write(AnsiConsole.Console, $"{Path.GetFileName(stancesPath)}: {loaded.Pairs.Count:N0} pairs", result.Metrics);
                }
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

    private static bool HasStanceColumn(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? "";
        return header.Split(',').Any(h => h.Trim().Trim('"') == "Stance");
    }

    private static void WritePredictions(string path, IReadOnlyList<LabeledPair> pairs, IReadOnlyList<Stance> predicted)
    {
        using var csv = CsvWriter.ToFile(path);
        csv.WriteField("Headline");
        csv.WriteField("Body ID");
        csv.WriteField("Stance");
        csv.EndRecord();
        for (int i = 0; i < pairs.Count; i++)
        {
            csv.WriteField(pairs[i].Claim);
            csv.WriteField(pairs[i].PassageId);
            csv.WriteField(predicted[i].ToLabel());
            csv.EndRecord();
        }
    }
}
