using System.CommandLine;
using Contradictions.Storage;
using Contradictions.Cli.Data;

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
            if (CommonOptions.ExistingDbPath(parse.GetValue(db)) is not { } path) return ExitCodes.PartialFailure;
            IReadOnlyList<TrainingRow> rows;
            using (var store = ClaimStore.Open(path)) rows = ReviewExport.Rows(store);
            var outPath = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllText(outPath, ReviewCsv.ToText(rows), ReviewCsv.Utf8);
            var counts = string.Join(", ", rows.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            Console.WriteLine($"wrote {rows.Count} reviewed pair(s) to {outPath}{(rows.Count > 0 ? $" ({counts})" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
