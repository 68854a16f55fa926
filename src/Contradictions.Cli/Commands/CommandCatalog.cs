using System.CommandLine;

namespace Contradictions.Cli.Commands;

/// <summary>Every top-level command, one per file; add new ones here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        IngestCommand.Create(),
        ClaimsCommand.Create(),
        ScanCommand.Create(),
        FlagsCommand.Create(),
        SourcesCommand.Create(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        TrainDetectorCommand.Create(),
        EvaluateDetectorCommand.Create(),
        VeracityCommand.Create(),
        ServeCommand.Create(),
        ExportTrainingCommand.Create(),
        ExportClaimReviewCommand.Create(),
    ];
}
