using Contradictions.Core.Reliability;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;

namespace Contradictions.Web;

/// <summary>One source's estimate and 90% credible interval.</summary>
public sealed record SourceEstimateView(string Name, string Kind, double Estimate, double Low, double High);

/// <summary>One side of a flag: the voice (the chain's speaker, or the outlet) and every source of its chain.</summary>
public sealed record SideReliabilityView(string Source, string Kind, double Estimate, double Low, double High, IReadOnlyList<SourceEstimateView> Sources);

/// <summary>Both sides' reliability and the side more likely right: <c>a</c>, <c>b</c> or null when undetermined.</summary>
public sealed record FlagReliabilityView(SideReliabilityView? A, SideReliabilityView? B, string? LikelierRight, double ProbabilityARight, string Reason);

/// <summary>The evidence behind a source's score (see <see cref="EvidenceCounts"/>).</summary>
public sealed record EvidenceView(
    int Claims, int Supported, int Refuted, int Reported, int Corroborated, int Contradicted, int Denials,
    int ConfirmedByReviewers, int RejectedByReviewers, double AnonymousShare, double EffectiveEvidence);

/// <summary>A source's reliability: estimate, 90% credible interval, prior and evidence.</summary>
public sealed record SourceView(string Name, string Kind, double Estimate, double Low, double High, double Prior, bool PriorFromList, EvidenceView Evidence);

/// <summary>Body of <c>GET /api/sources</c>: <see cref="Total"/> sources match, the first <see cref="SourceList.Sources"/> are listed.</summary>
public sealed record SourceList(double MinFlagConfidence, int FlagsCounted, int Total, IReadOnlyList<SourceView> Sources);

/// <summary>
/// Source reliability for the pages and the API. The model covers the whole store, so it is computed once and kept
/// until the store's change stamp moves (a claim, origin, restatement, flag or verdict added or changed, by this server
/// or by a <c>scan</c> running beside it); a page view then costs a few index look-ups plus dictionary reads.
/// </summary>
public sealed class ReliabilityService(string dbPath, TimeProvider time, SourcePriors priors)
{
    /// <summary>Sources listed when the request names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Most sources one request lists (the page draws one chart row per source).</summary>
    public const int MaxLimit = 1000;

    private readonly Lock _lock = new();
    private string? _stamp;
    private StoreReliability? _current;

    /// <summary>The reliability of the store as it is now; recomputed only when the store changed since the last call.</summary>
    public StoreReliability Current()
    {
        using var store = ClaimStore.Open(dbPath, time);
        var stamp = store.ChangeStamp();
        lock (_lock)
        {
            // The stamp is read before the model: a write landing in between only makes the next call recompute.
            if (_current is null || _stamp != stamp)
            {
                _current = StoreReliability.Compute(store, priors);
                _stamp = stamp;
            }
            return _current;
        }
    }

    /// <summary>Sources of one kind (or all), by estimate (default) or by evidence, at most <paramref name="limit"/>.</summary>
    public SourceList Sources(string? kind, string? sort, int? limit)
    {
        var reliability = Current();
        IEnumerable<SourceReliability> sources = reliability.Result.Sources;
        if (kind is "outlet" or "speaker") sources = sources.Where(s => s.Source.Kind == (kind == "outlet" ? SourceKind.Outlet : SourceKind.Speaker));
        if (sort == "evidence")
        {
            sources = sources.OrderByDescending(s => s.Evidence.EffectiveEvidence).ThenByDescending(s => s.Evidence.Claims)
                .ThenBy(s => s.Source.Key, StringComparer.Ordinal);
        }
        var all = sources.ToList();
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        return new SourceList(reliability.Evidence.Options.MinFlagConfidence, reliability.Evidence.Flags.Count(f => f.Counted), all.Count,
            all.Take(take).Select(s => View(s, reliability.PriorFromList(s.Source))).ToList());
    }

    /// <summary>Both sides of a flag as the flag page and <c>GET /api/flags/{id}</c> show them.</summary>
    public FlagReliabilityView ForFlag(FlagDetail flag)
    {
        var r = Current().ForFlag(flag.Id, flag.A.Side.ClaimId, flag.B.Side.ClaimId);
        var likelier = r.LikelierRight switch { FlagSide.A => "a", FlagSide.B => "b", _ => null };
        return new FlagReliabilityView(Side(r.A), Side(r.B), likelier, Round(r.ProbabilityARight), r.Reason);
    }

    private static SideReliabilityView? Side(SideReliability? side) => side is null ? null : new(
        side.Voice.Source.Name, Kind(side.Voice.Source), Round(side.Voice.Estimate), Round(side.Voice.Lower), Round(side.Voice.Upper),
        side.Sources.Select(Estimate).ToList());

    private static SourceEstimateView Estimate(SourceReliability s) => new(s.Source.Name, Kind(s.Source), Round(s.Estimate), Round(s.Lower), Round(s.Upper));

    private static SourceView View(SourceReliability s, bool priorFromList)
    {
        var e = s.Evidence;
        return new SourceView(s.Source.Name, Kind(s.Source), Round(s.Estimate), Round(s.Lower), Round(s.Upper), Round(s.Prior.Mean), priorFromList,
            new EvidenceView(e.Claims, e.Supported, e.Refuted, e.Reported, e.Corroborated, e.Contradicted, e.Denials,
                e.ConfirmedByReviewers, e.RejectedByReviewers, Round(e.AnonymousShare), Round(e.EffectiveEvidence)));
    }

    internal static string Kind(SourceRef s) => s.Kind.ToString().ToLowerInvariant();

    // Four decimals: rounding keeps low ≤ estimate ≤ high, because rounding is monotone.
    private static double Round(double x) => Math.Round(x, 4);
}
