using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Storage;
using Contradictions.Storage.Detection;
using Contradictions.Storage.Ingest;

namespace Contradictions.Web;

/// <summary>Filters of the queue (all optional). Status: <c>unreviewed</c>, <c>reviewed</c>, <c>contradiction</c> or a verdict.</summary>
public sealed record FlagQuery(
    string? Status = null, string? Kind = null, string? Outlet = null, string? Speaker = null, string? Subject = null,
    double? MinConfidence = null, int Page = 1, int PageSize = 25)
{
    public static IReadOnlyList<string> Statuses { get; } = [FlagFilter.Unreviewed, FlagFilter.Reviewed, FlagFilter.Contradiction, .. VerdictKinds.All];

    public FlagFilter ToFilter() => new()
    {
        Status = Status, Kind = Kind, Outlet = Outlet, Speaker = Speaker, Subject = Subject, MinConfidence = MinConfidence,
    };
}

public sealed record LinkView(string Name, string Kind, bool Anonymous);

public sealed record SideSummary(long ClaimId, long ArticleId, string Article, string? Title, string? Outlet, DateOnly? Published, IReadOnlyList<LinkView> Chain, string? Speaker, string Text);

public sealed record VerdictView(string Verdict, string Reviewer, string? Note, DateTimeOffset CreatedAt, int Version)
{
    public static VerdictView From(StoredVerdict v) => new(v.Verdict, v.Reviewer, v.Note, v.CreatedAt, v.Version);
}

public sealed record FlagSummary(long Id, float Confidence, FlagKind Kind, string Status, int Version, SideSummary A, SideSummary B);

/// <summary>One page of the queue; <see cref="Total"/> flags match, or more than that when <see cref="TotalIsLowerBound"/>.</summary>
public sealed record FlagPage(IReadOnlyList<FlagSummary> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound = false);

/// <summary>Probabilities of the stance classifier, one direction.</summary>
public sealed record StanceView(float Agree, float Disagree, float Discuss, float Unrelated)
{
    public static StanceView From(float[] p) => new(p[0], p[1], p[2], p[3]);
}

/// <summary>A side with its paragraph: <see cref="ClaimStart"/> is where the claim begins inside <see cref="Paragraph"/>.</summary>
public sealed record SideDetail(SideSummary Side, string Polarity, string Paragraph, int ClaimStart, int ClaimLength);

public sealed record FlagDetail(
    long Id, float Confidence, FlagKind Kind, string Status, int Version, SideDetail A, SideDetail B,
    IReadOnlyList<string> Cues, IReadOnlyList<string> CueWords, StanceView StanceBTowardsA, StanceView StanceATowardsB,
    IReadOnlyList<VerdictView> Verdicts)
{
    /// <summary>Both sides' source reliability (from <see cref="ReliabilityService"/>), set by the endpoints that show it.</summary>
    public FlagReliabilityView? Reliability { get; init; }

    /// <summary>The latest verdict as stored (the last of <see cref="Verdicts"/>), for the reliability service.</summary>
    [JsonIgnore]
    public StoredVerdict? LatestVerdict { get; init; }
}

public sealed record ClaimMark(long ClaimId, int Ordinal, string Text, int Start, int Length, string Polarity, IReadOnlyList<LinkView> Chain, IReadOnlyList<long> Flags);

public sealed record ArticleView(long Id, string Key, string? Title, string? Outlet, DateOnly? Published, string? Url, string Text, IReadOnlyList<ClaimMark> Claims);

/// <summary>Body of <c>POST /api/articles</c>.</summary>
public sealed record ArticleInput(string? Id, string? Outlet, string? Published, string? Title, string? Body, string? Url = null);

public sealed record ArticleAdded(long ArticleId, bool AlreadyStored, int Claims, IReadOnlyList<FlagSummary> Flags);

/// <summary>
/// What the pages and the API read and write. Opens the store per call (a SQLite connection is not thread-safe;
/// WAL lets readers run beside a writer); ingest and detection are serialised.
/// </summary>
public sealed partial class ReviewService(string dbPath, TimeProvider time, Lazy<IContradictionScorer> scorer)
{
    private readonly Lock _writeLock = new();

    // Pooled: each request opens a store, and a pooled connection keeps its page cache between requests.
    public ClaimStore Open() => ClaimStore.Open(dbPath, time, pooled: true);

    /// <summary>One page of the queue: filtering, ordering and paging run in SQL, then only the page's claims and articles are read.</summary>
    public FlagPage List(FlagQuery query)
    {
        int pageSize = Math.Clamp(query.PageSize, 1, 200);
        int page = Math.Max(1, query.Page);
        using var store = Open();
        var slice = store.QueryFlags(query.ToFilter(), (page - 1L) * pageSize, pageSize);
        return new FlagPage(Summaries(store, slice.Items), slice.Total, page, pageSize, slice.TotalIsLowerBound);
    }

    public FlagDetail? Detail(long id)
    {
        using var store = Open();
        if (store.FindFlag(id) is not { } flag) return null;
        if (store.FindClaim(flag.ClaimA) is not { } a || store.FindClaim(flag.ClaimB) is not { } b) return null;
        var history = store.Verdicts(id);
        var latest = history.Count > 0 ? history[^1] : null;
        return new FlagDetail(
            flag.Id, flag.Confidence, flag.Kind, latest?.Verdict ?? "unreviewed", latest?.Version ?? 0,
            SideOf(store, a), SideOf(store, b), flag.Explanation, CueWords(flag.Explanation),
            StanceView.From(flag.StanceAtoB), StanceView.From(flag.StanceBtoA),
            history.Select(VerdictView.From).ToList()) { LatestVerdict = latest };
    }

    public VerdictResult AddVerdict(long flagId, string verdict, string reviewer, string? note, int expectedVersion)
    {
        using var store = Open();
        return store.AddVerdict(flagId, verdict, reviewer, note, expectedVersion);
    }

    public ArticleView? Article(long id)
    {
        using var store = Open();
        if (store.FindArticleRow(id) is not { } row) return null;
        var flags = store.QueryFlags(new FlagFilter { ArticleRowId = id }, 0, int.MaxValue).Items.Select(q => q.Flag).ToList();
        var claims = store.ClaimsOf(id).Select(c => new ClaimMark(
            c.ClaimId, c.Claim.Ordinal, c.Claim.Text, c.Claim.Span.Start, c.Claim.Span.Length, c.Claim.Polarity.ToString().ToLowerInvariant(),
            Links(c.Claim), flags.Where(f => f.ClaimA == c.ClaimId || f.ClaimB == c.ClaimId).Select(f => f.Id).ToList())).ToList();
        var a = row.Article;
        return new ArticleView(row.RowId, a.Id, a.Title, a.Outlet, a.Published, a.Url, a.Text, claims);
    }

    /// <summary>Stores one article, runs detection over everything stored and returns the flags that involve it.</summary>
    public ArticleAdded AddArticle(ArticleInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Body)) throw new ArgumentException("body is required");
        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(input.Published))
        {
            if (!DateOnly.TryParse(input.Published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new ArgumentException($"published '{input.Published}' is not a date (use YYYY-MM-DD)");
            published = d;
        }
        var id = string.IsNullOrWhiteSpace(input.Id) ? "api-" + Guid.NewGuid().ToString("N")[..12] : input.Id.Trim();
        var article = ArticleFactory.Create(id, input.Body, new ArticleMetadata(input.Url, input.Outlet, published, input.Title));
        var claims = ClaimExtractor.Extract(article);
        var model = scorer.Value;
        lock (_writeLock)
        {
            using var store = Open();
            var stored = store.Store(article, claims);
            bool already = stored.Outcome == StoreOutcome.AlreadyStored;
            new ScanService(store, model).Detect(new IngestSummary(already ? 0 : 1, already ? 1 : 0, 0, already ? 0 : claims.Count, [], []));
            var mine = Summaries(store, store.QueryFlags(new FlagFilter { ArticleRowId = stored.ArticleRowId }, 0, int.MaxValue).Items);
            return new ArticleAdded(stored.ArticleRowId, already, already ? store.FindArticleRow(stored.ArticleRowId)!.ClaimCount : claims.Count, mine);
        }
    }

    /// <summary>Summaries of the given flags, reading only their claims and articles.</summary>
    private static List<FlagSummary> Summaries(ClaimStore store, IReadOnlyList<QueuedFlag> flags)
    {
        var claims = store.FindClaims(flags.SelectMany(q => new[] { q.Flag.ClaimA, q.Flag.ClaimB }));
        var articles = store.FindArticleRows(claims.Values.Select(c => c.ArticleRowId));
        return flags
            .Where(q => claims.ContainsKey(q.Flag.ClaimA) && claims.ContainsKey(q.Flag.ClaimB))
            .Select(q => new FlagSummary(q.Flag.Id, q.Flag.Confidence, q.Flag.Kind, q.Status, q.Version,
                Summary(claims[q.Flag.ClaimA], articles[claims[q.Flag.ClaimA].ArticleRowId]),
                Summary(claims[q.Flag.ClaimB], articles[claims[q.Flag.ClaimB].ArticleRowId])))
            .ToList();
    }

    private static SideSummary Summary(StoredClaim c, StoredArticle a) => new(
        c.ClaimId, a.RowId, Label(a), a.Article.Title, a.Article.Outlet, a.Article.Published, Links(c.Claim), c.Claim.Speaker?.Name, c.Claim.Text);

    private static SideDetail SideOf(ClaimStore store, StoredClaim c)
    {
        var article = store.FindArticleRow(c.ArticleRowId)!;
        var (paragraph, start) = Paragraph(article.Article.Text, c.Claim.Span.Start, c.Claim.Span.Length);
        return new SideDetail(Summary(c, article), c.Claim.Polarity.ToString().ToLowerInvariant(), paragraph, start, Math.Min(c.Claim.Span.Length, paragraph.Length - start));
    }

    /// <summary>The line-delimited paragraph of the original text around a span, and the span's start inside it.</summary>
    internal static (string Paragraph, int ClaimStart) Paragraph(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        int end = Math.Clamp(start + length, start, text.Length);
        int from = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int to = end >= text.Length ? -1 : text.IndexOf('\n', end);
        if (to < 0) to = text.Length;
        return (text[from..to], start - from);
    }

    private static readonly string[] NegationCues =
        ["not", "no", "never", "none", "nothing", "deny", "denies", "denied", "denial", "false", "untrue", "reject", "rejects", "rejected",
         "refute", "refutes", "refuted", "dismiss", "dismissed", "fake", "didn't", "doesn't", "don't", "won't", "isn't", "wasn't", "aren't", "hasn't", "haven't", "cannot"];

    /// <summary>Words worth highlighting: the antonyms and numbers the detector named, plus negation and denial words.</summary>
    internal static IReadOnlyList<string> CueWords(IReadOnlyList<string> cues)
    {
        var words = new List<string>(NegationCues);
        foreach (var cue in cues)
        {
            var antonyms = AntonymCue().Match(cue);
            if (antonyms.Success) words.AddRange([antonyms.Groups[1].Value, antonyms.Groups[2].Value]);
            if (cue.StartsWith("both mention ", StringComparison.Ordinal))
                words.AddRange(cue["both mention ".Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return words.Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IReadOnlyList<LinkView> Links(Claim c) => c.Chain.Select(l => new LinkView(l.Name, l.Kind.ToString(), l.Anonymous)).ToList();

    private static string Label(StoredArticle a) => a.Article.SourceName is { } s && File.Exists(s) ? Path.GetFileName(s) : a.Article.Id;

    [GeneratedRegex(@"^antonyms: (\S+) ↔ (\S+)$")]
    private static partial Regex AntonymCue();
}
