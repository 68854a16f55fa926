using System.CommandLine;
using Contradictions.Cli.Output;
using Contradictions.Storage;
using Contradictions.Storage.Detection;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions flags</c>: list stored flags without scanning.</summary>
internal static class FlagsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var (minConfidence, format, top) = ScanCommand.FlagOptions();
        var command = new Command("flags", "List stored contradiction flags, most confident first") { db, minConfidence, format, top };
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!;
            if (fmt is not ("table" or "json" or "csv"))
            {
                Console.Error.WriteLine($"error: --format must be table, json or csv, not '{fmt}'");
                return ExitCodes.Usage;
            }
            if (CommonOptions.ExistingDbPath(parse.GetValue(db)) is not { } path) return ExitCodes.PartialFailure;
            using var store = ClaimStore.Open(path);
            var flags = ScanCommand.Select(ScanService.StoredFlags(store), parse.GetValue(minConfidence), parse.GetValue(top));
            FlagReport.Write(fmt, flags, scan: null, ScanCommand.Reliability(store));
            return ExitCodes.Ok;
        });
        return command;
    }

}
