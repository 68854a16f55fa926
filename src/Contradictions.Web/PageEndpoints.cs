using System.Globalization;
using System.Text;
using Contradictions.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Contradictions.Web.Html;

namespace Contradictions.Web;

/// <summary>Server-rendered pages: queue, flag, article, sources; plus the embedded CSS and JS.</summary>
internal static class PageEndpoints
{
    private static readonly string[] VerdictLabels = ["A is right", "B is right", "Contradiction, unresolved", "Not a contradiction", "Different subjects"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name) =>
        {
            var type = name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : null;
            var stream = type is null ? null : typeof(PageEndpoints).Assembly.GetManifestResourceStream("Assets/" + name);
            return stream is null ? Results.NotFound() : Results.Stream(stream, type + "; charset=utf-8");
        });
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/", (ReviewService review, HttpRequest request) => Queue(review, request));
        app.MapGet("/flags/{id:long}", (ReviewService review, ReliabilityService reliability, IAntiforgery antiforgery, HttpContext ctx, long id) =>
        {
            var detail = review.Detail(id);
            return detail is null ? NotFound($"no flag {id}")
                : HtmlResult(FlagPage(detail with { Reliability = reliability.ForFlag(detail) }, antiforgery.GetAndStoreTokens(ctx), null, ctx.Request.Query["reviewer"]));
        });
        app.MapPost("/flags/{id:long}/verdict", async (ReviewService review, ReliabilityService reliability, IAntiforgery antiforgery, HttpContext ctx, long id) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                return HtmlResult(Page("Refused", "<p class=\"error\">The form had no valid antiforgery token; reload the page and try again.</p>"), 400);
            }
            var form = await ctx.Request.ReadFormAsync();
            string verdict = form["verdict"].ToString();
            string reviewer = string.IsNullOrWhiteSpace(form["reviewer"]) ? "anonymous" : form["reviewer"].ToString();
            if (!VerdictKinds.IsValid(verdict) || !int.TryParse(form["expectedVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
                return HtmlResult(Page("Bad request", "<p class=\"error\">Unknown verdict or version.</p>"), 400);
            var result = review.AddVerdict(id, verdict, reviewer, form["note"], expected);
            switch (result.Outcome)
            {
                case VerdictOutcome.Added:
                    return Results.Redirect($"/flags/{id}");
                case VerdictOutcome.Conflict:
                    var detail = review.Detail(id)!;
                    detail = detail with { Reliability = reliability.ForFlag(detail) };
                    var l = result.Latest!;
                    var message = $"Not saved: {l.Reviewer} gave “{l.Verdict}” at {l.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC while you were reading. Check it and vote again if you disagree.";
                    return HtmlResult(FlagPage(detail, antiforgery.GetAndStoreTokens(ctx), message, reviewer), 409);
                default:
                    return NotFound($"no flag {id}");
            }
        });
        app.MapGet("/articles/{id:long}", (ReviewService review, long id) =>
            review.Article(id) is { } article ? HtmlResult(ArticlePage(article)) : NotFound($"no article {id}"));
        app.MapGet("/sources", (ReliabilityService reliability, HttpRequest request) =>
        {
            var q = request.Query;
            string? kind = q["kind"] is var k && (k == "outlet" || k == "speaker") ? k.ToString() : null;
            string? sort = q["sort"] == "evidence" ? "evidence" : null;
            int? limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : null;
            return HtmlResult(SourcesPage.Render(reliability.Sources(kind, sort, limit), kind, sort, limit));
        });
    }

    private static IResult HtmlResult(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult NotFound(string message) => HtmlResult(Page("Not found", $"<p class=\"error\">{E(message)}</p>"), 404);

    private static IResult Queue(ReviewService review, HttpRequest request)
    {
        var q = request.Query;
        string? Get(string name) => string.IsNullOrWhiteSpace(q[name]) ? null : q[name].ToString();
        int Int(string name, int fallback) => int.TryParse(q[name], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        double? min = double.TryParse(q["minConfidence"], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;
        var status = Get("status");
        if (status is not null && !FlagQuery.Statuses.Contains(status)) status = null;
        var query = new FlagQuery(status, Get("kind"), Get("outlet"), Get("speaker"), Get("subject"), min, Int("page", 1), Int("pageSize", 25));
        var page = review.List(query);

        var sb = new StringBuilder();
        sb.Append("<h1>Review queue</h1>");
        sb.Append("<form class=\"filters\" method=\"get\" action=\"/\">");
        sb.Append("<label>Status<select name=\"status\"><option value=\"\">any</option>");
        foreach (var s in FlagQuery.Statuses)
            sb.Append($"<option value=\"{E(s)}\"{(s == query.Status ? " selected" : "")}>{E(s)}</option>");
        sb.Append("</select></label>");
        sb.Append("<label>Kind<select name=\"kind\"><option value=\"\">any</option>");
        foreach (var k in new[] { "Denial", "Factual", "Position" })
            sb.Append($"<option value=\"{k}\"{(string.Equals(k, query.Kind, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{k.ToLowerInvariant()}</option>");
        sb.Append("</select></label>");
        foreach (var (name, label, value) in new[] { ("outlet", "Outlet", query.Outlet), ("speaker", "Speaker", query.Speaker), ("subject", "Subject", query.Subject) })
            sb.Append($"<label>{label}<input name=\"{name}\" value=\"{E(value)}\"></label>");
        sb.Append($"<label>Min confidence<input name=\"minConfidence\" size=\"5\" value=\"{(min is double d ? N(d) : "")}\"></label>");
        sb.Append("<button type=\"submit\">Filter</button></form>");
        sb.Append($"<p class=\"meta\" id=\"total\">{(page.TotalIsLowerBound ? "more than " : "")}{page.Total} flag(s). <span class=\"hint\">j/k to move, Enter to open.</span></p>");
        sb.Append("<table id=\"queue\"><thead><tr><th>#</th><th>Confidence</th><th>Kind</th><th>Status</th><th>A</th><th>B</th></tr></thead><tbody>");
        foreach (var f in page.Items)
        {
            sb.Append($"<tr data-href=\"/flags/{f.Id}\" data-flag=\"{f.Id}\"><td><a href=\"/flags/{f.Id}\">{f.Id}</a></td><td>{N(f.Confidence)}</td><td>{E(f.Kind.ToString().ToLowerInvariant())}</td><td class=\"status\">{E(f.Status)}</td>");
            foreach (var side in new[] { f.A, f.B })
                sb.Append($"<td>{E(side.Text)}<div class=\"meta\">{E(side.Outlet ?? side.Article)} · {E(side.Speaker ?? "no attribution")}</div></td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        int pages = Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);
        // A count that stopped early is at least the end of this page, so there is always a next page then.
        sb.Append($"<p class=\"paging\">Page {page.Page} of {(page.TotalIsLowerBound ? "more than " : "")}{pages} ");
        if (page.Page > 1) sb.Append($"<a rel=\"prev\" href=\"{E(PageLink(query, page.Page - 1))}\">previous</a> ");
        if (page.Page < pages || page.TotalIsLowerBound) sb.Append($"<a rel=\"next\" href=\"{E(PageLink(query, page.Page + 1))}\">next</a>");
        sb.Append("</p>");
        return HtmlResult(Page("Queue", sb.ToString()));
    }

    private static string PageLink(FlagQuery q, int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("status", q.Status); Add("kind", q.Kind); Add("outlet", q.Outlet); Add("speaker", q.Speaker); Add("subject", q.Subject);
        Add("minConfidence", q.MinConfidence?.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", q.PageSize.ToString(CultureInfo.InvariantCulture));
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/?" + string.Join('&', parts);
    }

    private static string FlagPage(FlagDetail f, AntiforgeryTokenSet tokens, string? error, string? reviewer)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>Flag {f.Id}: {E(f.Kind.ToString().ToLowerInvariant())}, confidence {N(f.Confidence)}</h1>");
        sb.Append($"<p>Status: <span class=\"status\" id=\"status\">{E(f.Status)}</span> ({f.Version} verdict(s))</p>");
        if (error is not null) sb.Append($"<p class=\"error\" id=\"conflict\">{E(error)}</p>");
        if (f.Reliability is { } r) sb.Append(FlagReliabilityBlocks.Likelier(r));
        sb.Append("<div class=\"sides\">");
        foreach (var (label, side, stance) in new[] { ("A", f.A, f.StanceATowardsB), ("B", f.B, f.StanceBTowardsA) })
        {
            var s = side.Side;
            sb.Append($"<section class=\"side\" id=\"side-{label.ToLowerInvariant()}\"><h2>{label}: {E(s.Outlet ?? "unknown outlet")}</h2>");
            sb.Append($"<p class=\"meta\"><a href=\"/articles/{s.ArticleId}\">{E(s.Title ?? s.Article)}</a> · {E(s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated")} · {E(side.Polarity)}</p>");
            sb.Append($"<p class=\"meta\">Chain: {E(s.Chain.Count == 0 ? "no attribution" : string.Join(" → ", s.Chain.Select(l => l.Name)))}</p>");
            int start = Math.Clamp(side.ClaimStart, 0, side.Paragraph.Length);
            int end = Math.Clamp(start + side.ClaimLength, start, side.Paragraph.Length);
            sb.Append("<p class=\"paragraph\">").Append(Highlight(side.Paragraph[..start], f.CueWords))
              .Append("<span class=\"claim\">").Append(Highlight(side.Paragraph[start..end], f.CueWords)).Append("</span>")
              .Append(Highlight(side.Paragraph[end..], f.CueWords)).Append("</p>");
            sb.Append($"<p class=\"meta\">Stance of {label} towards the other: agree {N(stance.Agree)}, disagree {N(stance.Disagree)}, discuss {N(stance.Discuss)}, unrelated {N(stance.Unrelated)}</p>");
            if (f.Reliability is { } reliability) sb.Append(FlagReliabilityBlocks.Side(label, label == "A" ? reliability.A : reliability.B));
            sb.Append("</section>");
        }
        sb.Append("</div>");
        sb.Append("<h2>Why it was flagged</h2><ul class=\"cues\">");
        foreach (var cue in f.Cues) sb.Append($"<li>{E(cue)}</li>");
        if (f.Cues.Count == 0) sb.Append("<li>stance model only</li>");
        sb.Append("</ul>");

        sb.Append($"<form id=\"verdict-form\" method=\"post\" action=\"/flags/{f.Id}/verdict\" class=\"verdicts\">");
        sb.Append($"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">");
        sb.Append($"<input type=\"hidden\" name=\"expectedVersion\" value=\"{f.Version}\">");
        sb.Append($"<label>Reviewer <input id=\"reviewer\" name=\"reviewer\" value=\"{E(reviewer)}\" autocomplete=\"name\"></label> ");
        sb.Append("<label>Note <input id=\"note\" name=\"note\" size=\"40\"></label><br>");
        for (int i = 0; i < VerdictKinds.All.Count; i++)
            sb.Append($"<button type=\"submit\" name=\"verdict\" value=\"{VerdictKinds.All[i]}\" data-verdict=\"{VerdictKinds.All[i]}\" data-key=\"{i + 1}\">{i + 1} · {E(VerdictLabels[i])}</button>");
        sb.Append("</form>");

        sb.Append("<h2>History</h2><table id=\"history\"><thead><tr><th>#</th><th>Verdict</th><th>Reviewer</th><th>Note</th><th>When (UTC)</th></tr></thead><tbody>");
        foreach (var v in f.Verdicts.Reverse())
            sb.Append($"<tr><td>{v.Version}</td><td>{E(v.Verdict)}</td><td>{E(v.Reviewer)}</td><td>{E(v.Note)}</td><td>{v.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</td></tr>");
        sb.Append("</tbody></table>");
        return Page($"Flag {f.Id}", sb.ToString());
    }

    private static string ArticlePage(ArticleView a)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>{E(a.Title ?? a.Key)}</h1>");
        sb.Append($"<p class=\"meta\">{E(a.Outlet ?? "unknown outlet")} · {E(a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated")} · {E(a.Key)}");
        if (a.Url is not null && Uri.TryCreate(a.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            sb.Append($" · <a href=\"{E(url.AbsoluteUri)}\" rel=\"noopener noreferrer\">source</a>");
        sb.Append("</p><pre class=\"article\">");
        int at = 0;
        foreach (var c in a.Claims.Where(c => c.Length > 0).OrderBy(c => c.Start))
        {
            int start = Math.Clamp(c.Start, 0, a.Text.Length);
            if (start < at) continue; // overlapping spans: keep the first
            int end = Math.Clamp(c.Start + c.Length, start, a.Text.Length);
            sb.Append(E(a.Text[at..start]));
            var title = $"claim {c.Ordinal}, {c.Polarity}, via {(c.Chain.Count == 0 ? "no attribution" : string.Join(" → ", c.Chain.Select(l => l.Name)))}";
            sb.Append($"<mark class=\"claim-mark\" id=\"claim-{c.ClaimId}\" title=\"{E(title)}\">{E(a.Text[start..end])}</mark>");
            foreach (var flag in c.Flags) sb.Append($"<sup><a href=\"/flags/{flag}\">⚑{flag}</a></sup>");
            at = end;
        }
        sb.Append(E(a.Text[at..])).Append("</pre>");
        return Page(a.Title ?? a.Key, sb.ToString());
    }
}
