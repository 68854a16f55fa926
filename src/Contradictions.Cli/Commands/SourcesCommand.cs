using System.CommandLine;
using Contradictions.Cli.Output;
using Contradictions.Core.Reliability;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions sources</c>: how far each outlet and speaker can be trusted, from the claims and flags stored by
/// <c>scan</c> (estimate, 90% interval, evidence). <c>sources show &lt;name&gt;</c> is in <see cref="SourcesShowCommand"/>.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var kind = new Option<string?>("--kind") { Description = "Only outlets or only speakers: outlet or speaker" };
        var format = Format();
        var sort = new Option<string>("--sort") { Description = "estimate (highest first) or evidence (most first)", DefaultValueFactory = _ => "estimate" };
        var priors = Priors();
        var minFlag = MinFlagConfidence();
        var command = new Command("sources", "Estimate the reliability of outlets and speakers from the stored claims and flags")
        {
            db, kind, format, sort, priors, minFlag, SourcesShowCommand.Create(),
        };
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!;
            var k = parse.GetValue(kind);
            var by = parse.GetValue(sort)!;
            if (!ValidFormat(fmt)) return ExitCodes.Usage;
            if (k is not (null or "outlet" or "speaker"))
            {
                Console.Error.WriteLine($"error: --kind must be outlet or speaker, not '{k}'");
                return ExitCodes.Usage;
            }
            if (by is not ("estimate" or "evidence"))
            {
                Console.Error.WriteLine($"error: --sort must be estimate or evidence, not '{by}'");
                return ExitCodes.Usage;
            }
            if (Load(parse.GetValue(db), parse.GetValue(priors), parse.GetValue(minFlag)) is not { } reliability) return ExitCodes.PartialFailure;
            IEnumerable<SourceReliability> sources = reliability.Result.Sources;
            if (k is not null) sources = sources.Where(s => s.Source.Kind == (k == "outlet" ? SourceKind.Outlet : SourceKind.Speaker));
            if (by == "evidence")
            {
                sources = sources.OrderByDescending(s => s.Evidence.EffectiveEvidence).ThenByDescending(s => s.Evidence.Claims)
                    .ThenBy(s => s.Source.Key, StringComparer.Ordinal);
            }
            SourceReport.WriteList(fmt, sources.ToList(), reliability.PriorFromList, reliability.Evidence);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Option<string> Format() => new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };

    internal static Option<string?> Priors() => new("--priors")
    {
        Description = $"Outlet priors CSV (domain,reliability_label,...). Default: {SourcePriorsFile.DefaultRelativePath} in the working folder, else the copy next to the program",
    };

    internal static Option<double> MinFlagConfidence() => new("--min-flag-confidence")
    {
        Description = "Flags at or above this confidence count as conflicting evidence",
        DefaultValueFactory = _ => StoreEvidenceOptions.Default.MinFlagConfidence,
    };

    internal static bool ValidFormat(string format)
    {
        if (format is "table" or "json") return true;
        Console.Error.WriteLine($"error: --format must be table or json, not '{format}'");
        return false;
    }

    /// <summary>Opens the store, builds the evidence graph and runs the model; null (after printing why) when it cannot.</summary>
    internal static StoreReliability? Load(string? dbOption, string? priorsOption, double minFlagConfidence)
    {
        if (CommonOptions.ExistingDbPath(dbOption) is not { } path) return null;
        SourcePriors? priors = null;
        try
        {
            var priorsPath = SourcePriorsFile.Resolve(priorsOption);
            if (priorsPath is not null) priors = SourcePriorsFile.Read(priorsPath);
            else Console.Error.WriteLine("warning: no source-priors file found; every source starts from the default prior");
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
        using var store = ClaimStore.Open(path);
        return StoreReliability.Compute(store, priors, StoreEvidenceOptions.Default with { MinFlagConfidence = minFlagConfidence });
    }
}
