using System.CommandLine;
using Contradictions.Cli.Output;
using Contradictions.Core.Reliability;
using Contradictions.Storage.Reliability;

namespace Contradictions.Cli.Commands;

/// <summary>
/// <c>contradictions sources show &lt;name&gt;</c>: the claims, flags and verdicts behind one source's score, with the
/// model's explanation. The name matches an outlet or speaker by display name or normalised key; an anonymous class
/// also matches without its "(via outlet)" suffix, so "senior Trump administration official" finds every outlet's.
/// </summary>
internal static class SourcesShowCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Outlet or speaker, e.g. \"New York Post\" or \"Ukrainian Ministry of Defense\"" };
        var db = CommonOptions.Db();
        var format = SourcesCommand.Format();
        var priors = SourcesCommand.Priors();
        var minFlag = SourcesCommand.MinFlagConfidence();
        var command = new Command("show", "Show the claims, flags and verdicts behind one source's reliability") { name, db, format, priors, minFlag };
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!;
            if (!SourcesCommand.ValidFormat(fmt)) return ExitCodes.Usage;
            if (SourcesCommand.Load(parse.GetValue(db), parse.GetValue(priors), parse.GetValue(minFlag)) is not { } reliability) return ExitCodes.PartialFailure;
            var evidence = reliability.Evidence;
            var wanted = parse.GetValue(name)!;
            var matches = Match(reliability.Result.Sources, wanted);
            if (matches.Count == 0)
            {
                Console.Error.WriteLine($"error: no source named '{wanted}' (see 'contradictions sources')");
                return ExitCodes.PartialFailure;
            }
            SourceReport.WriteDetails(fmt, matches.Select(s => Detail(s, evidence)).ToList(), evidence);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static IReadOnlyList<SourceReliability> Match(IReadOnlyList<SourceReliability> sources, string name)
    {
        var trimmed = name.Trim();
        var exact = sources.Where(s =>
            string.Equals(s.Source.Name, trimmed, StringComparison.OrdinalIgnoreCase)
            || s.Source.Key == SourceRef.Normalise(trimmed, s.Source.Kind)).ToList();
        if (exact.Count > 0) return exact;
        var prefix = SourceRef.Normalise(trimmed, SourceKind.Speaker) + " (via ";
        return sources.Where(s => s.Source.Kind == SourceKind.Speaker && s.Source.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private static SourceDetail Detail(SourceReliability reliability, StoreEvidence evidence)
    {
        var source = reliability.Source;
        var claims = new List<SourceClaimView>();
        var claimsWithSource = new HashSet<long>();
        foreach (var claim in evidence.Claims)
        {
            var at = IndexOf(claim.Sources, source);
            if (at < 0) continue;
            var role = claim.RoleAt(at).ToString().ToLowerInvariant();
            claims.Add(new SourceClaimView(claim, role));
            claimsWithSource.Add(claim.ClaimId);
        }

        // A flag touches the source when one of its claims voices a side: the flagged claim, a copy or a restatement.
        var byId = evidence.Claims.ToDictionary(c => c.ClaimId);
        var flags = new List<SourceFlagView>();
        foreach (var flag in evidence.Flags)
        {
            var supporting = byId[flag.SupportingClaimId];
            var refuting = byId[flag.RefutingClaimId];
            if (flag.SupportingClaims.Any(claimsWithSource.Contains)) flags.Add(new SourceFlagView(flag, "supports", supporting, refuting));
            else if (flag.RefutingClaims.Any(claimsWithSource.Contains)) flags.Add(new SourceFlagView(flag, "refutes", refuting, supporting));
        }

        return new SourceDetail(reliability, evidence.Graph.Priors.ContainsKey(source), claims, flags);
    }

    private static int IndexOf(IReadOnlyList<SourceRef> chain, SourceRef source)
    {
        for (var i = 0; i < chain.Count; i++)
            if (chain[i].Equals(source)) return i;
        return -1;
    }
}
