using System.CommandLine;
using Contradictions.Storage;
using Contradictions.Storage.Ingest;
using Spectre.Console;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions ingest &lt;paths…&gt;</c>: read articles, extract claims, store them (idempotent).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .md, .html, .jsonl, .csv); folders are read recursively" };
        var db = CommonOptions.Db();
        var maxMb = new Option<int>("--max-file-mb") { Description = "Largest input file in MB; bigger files are rejected", DefaultValueFactory = _ => 50 };
        var cmd = new Command("ingest", "Read articles, extract claims and store them") { paths, db, maxMb };
        cmd.SetAction(pr =>
        {
            if (pr.GetValue(maxMb) <= 0)
            {
                Console.Error.WriteLine("--max-file-mb must be positive");
                return ExitCodes.Usage;
            }
            var options = new ArticleReaderOptions { MaxFileBytes = pr.GetValue(maxMb) * 1024L * 1024L };
            using var store = ClaimStore.Open(CommonOptions.ResolveDbPath(pr.GetValue(db)));
            IngestSummary summary;
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                summary = null!;
                AnsiConsole.Status().Start("Ingesting…", ctx =>
                {
                    int n = 0;
                    summary = Ingestor.Run(store, pr.GetValue(paths)!, options, r => ctx.Status($"Ingesting… {++n} read ({Markup.Escape(Path.GetFileName(r.Article?.SourceName ?? r.Error?.File ?? ""))})"));
                });
            }
            else
            {
                summary = Ingestor.Run(store, pr.GetValue(paths)!, options);
            }

            foreach (var w in summary.Warnings) Console.Error.WriteLine($"warning: {w}");
            foreach (var e in summary.Errors) Console.Error.WriteLine($"error: {e}");
            Console.WriteLine($"articles: {summary.Added} new, {summary.AlreadyStored} already stored, {summary.Failed} failed; claims: {summary.Claims}");
            Console.WriteLine($"database: {store.Path}");
            return summary.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
        });
        return cmd;
    }
}
