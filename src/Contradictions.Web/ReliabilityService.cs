using Contradictions.Core.Reliability;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;

namespace Contradictions.Web;

/// <summary>One source's estimate and 90% credible interval.</summary>
public sealed record SourceEstimateView(string Name, string Kind, double Estimate, double Low, double High);

/// <summary>One side of a flag: the voice (the chain's speaker, or the outlet) and every source of its chain.</summary>
public sealed record SideReliabilityView(string Source, string Kind, double Estimate, double Low, double High, IReadOnlyList<SourceEstimateView> Sources);

/// <summary>
/// Both sides' reliability and the side more likely right: <c>a</c>, <c>b</c> or null when undetermined.
/// <see cref="Updating"/>: the store changed since these estimates were computed and they are being recomputed.
/// </summary>
public sealed record FlagReliabilityView(SideReliabilityView? A, SideReliabilityView? B, string? LikelierRight, double ProbabilityARight, string Reason, bool Updating = false);

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
/// or by a <c>scan</c> running beside it). Recomputing takes seconds on a large store, so it runs in the background,
/// one at a time: flag pages meanwhile show the last estimates and say they are updating (<see cref="Latest"/>), while
/// the sources page and API wait for the new ones (<see cref="Current"/>).
/// </summary>
public sealed class ReliabilityService(string dbPath, TimeProvider time, SourcePriors priors)
{
    /// <summary>Sources listed when the request names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Most sources one request lists (the page draws one chart row per source).</summary>
    public const int MaxLimit = 1000;

    private sealed record Computed(StoreStamp Stamp, StoreReliability Reliability);

    private readonly Lock _lock = new();
    private Computed? _current;
    private Task<Computed>? _refresh;
    private long _refreshes;

    /// <summary>
    /// The reliability of the store as it was when called, or newer: waits for a recomputation when the store changed
    /// since the last one.
    /// </summary>
    public StoreReliability Current()
    {
        long seen;
        lock (_lock) seen = _refreshes;
        var stamp = Stamp();
        while (true)
        {
            Task<Computed> refresh;
            long number;
            lock (_lock)
            {
                if (_current is { } c && c.Stamp == stamp) return c.Reliability;
                refresh = Refresh();
                number = _refreshes;
            }
            var computed = refresh.GetAwaiter().GetResult();
            // A recomputation started after this call read the store at least as new as it was; one started before
            // may predate the change: wait for the next. A scan writing all the while cannot keep this waiting longer.
            if (number > seen) return computed.Reliability;
        }
    }

    /// <summary>
    /// The last computed reliability without waiting for a recomputation, and whether the store has changed since
    /// (a recomputation is then running). Only the very first call waits, as there is nothing to show before it.
    /// </summary>
    public (StoreReliability Reliability, bool Updating) Latest()
    {
        var stamp = Stamp();
        Task<Computed> refresh;
        lock (_lock)
        {
            if (_current is { } c && c.Stamp == stamp) return (c.Reliability, false);
            refresh = Refresh();
            if (_current is { } stale) return (stale.Reliability, true);
        }
        return (refresh.GetAwaiter().GetResult().Reliability, false);
    }

    /// <summary>Starts computing in the background (a server calls it on start so that the first page need not wait).</summary>
    public void Warm()
    {
        lock (_lock) Refresh();
    }

    private StoreStamp Stamp()
    {
        using var store = ClaimStore.Open(dbPath, time);
        return store.ChangeStamp();
    }

    /// <summary>The running recomputation, or a new one from the current estimates. Call under the lock.</summary>
    private Task<Computed> Refresh()
    {
        if (_refresh is { IsCompleted: false } running) return running;
        _refreshes++;
        var from = _current;
        return _refresh = Task.Run(() =>
        {
            using var store = ClaimStore.Open(dbPath, time);
            // The stamp is read before the model: a write landing in between only makes the next call recompute.
            var stamp = store.ChangeStamp();
            // When only verdicts were added and they move no flag in or out of the graph, the model takes them from
            // its current solution (StoreReliability.WithVerdicts) instead of reading the whole store again. Only
            // this task advances the current estimates, so they are advanced at most once.
            StoreReliability? advanced = null;
            if (from is not null && from.Stamp.Content == stamp.Content && from.Stamp.LastVerdict < stamp.LastVerdict)
            {
                try
                {
                    advanced = from.Reliability.WithVerdicts(store.LatestVerdicts());
                }
                catch (InvalidOperationException)
                {
                    // An earlier refresh that failed halfway took the model with it: read the store again.
                }
            }
            var next = new Computed(stamp, advanced ?? StoreReliability.Compute(store, priors));
            lock (_lock) _current = next;
            return next;
        });
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
    /// <remarks>
    /// Never waits for a recomputation (see <see cref="Latest"/>); the flag's own latest verdict, read with the flag,
    /// decides the likelier side even when the estimates predate it.
    /// </remarks>
    public FlagReliabilityView ForFlag(FlagDetail flag)
    {
        var (reliability, updating) = Latest();
        var r = reliability.ForFlag(flag.Id, flag.A.Side.ClaimId, flag.B.Side.ClaimId, flag.LatestVerdict);
        var likelier = r.LikelierRight switch { FlagSide.A => "a", FlagSide.B => "b", _ => null };
        return new FlagReliabilityView(Side(r.A), Side(r.B), likelier, Round(r.ProbabilityARight), r.Reason, updating);
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
