using System.CommandLine;
using Contradictions.Storage;
using CsvHelper;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions export-training</c>: reviewed flags as <c>claim,passage,label</c> rows (the labelled-claims
/// format), mapping verdicts as <see cref="ReviewExport.LabelOf"/> documents.
/// </summary>
internal static class ExportTrainingCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var output = new Option<string>("--out") { Description = "CSV file to write", DefaultValueFactory = _ => "reviews.csv" };
        var command = new Command("export-training",
            "Write reviewed flags as claim,passage,label rows: a_right/b_right/unresolved → disagree, not_contradiction → discuss, different_subjects → unrelated")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var path = CommonOptions.ResolveDbPath(parse.GetValue(db));
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: {path}: no database (run 'contradictions scan <paths>' first)");
                return ExitCodes.PartialFailure;
            }
            IReadOnlyList<TrainingRow> rows;
            using (var store = ClaimStore.Open(path)) rows = ReviewExport.Rows(store);
            var outPath = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            using (var csv = CsvWriter.ToFile(outPath))
            {
                csv.WriteField("claim");
                csv.WriteField("passage");
                csv.WriteField("label");
                csv.EndRecord();
                foreach (var r in rows)
                {
                    csv.WriteField(r.Claim);
                    csv.WriteField(r.Passage);
                    csv.WriteField(r.Label);
                    csv.EndRecord();
                }
            }
            var counts = string.Join(", ", rows.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            Console.WriteLine($"wrote {rows.Count} reviewed pair(s) to {outPath}{(rows.Count > 0 ? $" ({counts})" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
