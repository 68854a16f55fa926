using System.CommandLine;
using System.Text;
using Contradictions.Cli.Output;
using Contradictions.Storage;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions export-claimreview</c>: schema.org ClaimReview JSON-LD for contradictions a reviewer settled
/// (latest verdict <c>a_right</c> or <c>b_right</c>), rating the side judged wrong. <c>unresolved</c> is left out:
/// see <see cref="ClaimReviewExport"/>.
/// </summary>
internal static class ExportClaimReviewCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var output = new Option<string?>("--out") { Description = "JSON-LD file to write; standard output when absent" };
        var command = new Command("export-claimreview",
            "Write schema.org ClaimReview JSON-LD for flags whose latest verdict is a_right or b_right, rating the wrong side False")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            if (CommonOptions.ExistingDbPath(parse.GetValue(db)) is not { } path) return ExitCodes.PartialFailure;
            IReadOnlyList<SettledContradiction> rows;
            using (var store = ClaimStore.Open(path)) rows = ClaimReviewExport.Rows(store);
            var json = ClaimReviewJsonLd.Write(rows);
            var outPath = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(outPath))
            {
                Console.Out.WriteLine(json);
                return ExitCodes.Ok;
            }
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllText(outPath, json + "\n", new UTF8Encoding(false));
            Console.WriteLine($"wrote {rows.Count} ClaimReview(s) to {outPath}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
