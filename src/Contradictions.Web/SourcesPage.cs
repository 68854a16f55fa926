using System.Globalization;
using System.Text;
using static Contradictions.Web.Html;

namespace Contradictions.Web;

/// <summary>The <c>/sources</c> page: the reliability table and a chart of the estimates with their 90% intervals.</summary>
internal static class SourcesPage
{
    public static string Render(SourceList list, string? kind, string? sort, int? limit)
    {
        var sb = new StringBuilder("<h1>Sources</h1>");
        sb.Append($"<p class=\"meta\">{list.Sources.Count} of {list.Total} source(s), from the stored claims and {list.FlagsCounted} counted flag(s) ");
        sb.Append($"(confirmed by a reviewer, or unreviewed at confidence ≥ {N(list.MinFlagConfidence, "0.##")}). ");
        sb.Append("The estimate is the posterior mean probability of being right; bars are 90% credible intervals, wide when evidence is thin.</p>");
        sb.Append("<form class=\"filters\" method=\"get\" action=\"/sources\">");
        sb.Append("<label>Kind<select name=\"kind\"><option value=\"\">any</option>");
        foreach (var k in new[] { "outlet", "speaker" })
            sb.Append($"<option value=\"{k}\"{(k == kind ? " selected" : "")}>{k}</option>");
        sb.Append("</select></label><label>Sort<select name=\"sort\">");
        foreach (var s in new[] { "estimate", "evidence" })
            sb.Append($"<option value=\"{s}\"{(s == (sort ?? "estimate") ? " selected" : "")}>{s}</option>");
        sb.Append("</select></label>");
        sb.Append($"<label>Show<input name=\"limit\" size=\"5\" value=\"{(limit ?? ReliabilityService.DefaultLimit).ToString(CultureInfo.InvariantCulture)}\"></label>");
        sb.Append("<button type=\"submit\">Show</button></form>");

        var rows = list.Sources.Select(s => new IntervalChart.Row(s.Name, s.Kind, s.Estimate, s.Low, s.High)).ToList();
        sb.Append("<figure class=\"chart\">").Append(IntervalChart.Svg(rows, "Reliability estimates with 90% credible intervals", "sources-chart"));
        sb.Append("<figcaption class=\"meta\">Dot: estimate. Bar: 90% credible interval. Outlets and speakers on one 0–1 scale.</figcaption></figure>");

        sb.Append("<table id=\"sources\" class=\"sources\"><thead><tr><th>Source</th><th>Kind</th><th>Estimate</th><th>90% interval</th>");
        sb.Append("<th>Claims</th><th title=\"claims corroborated by an independent origin / contradicted / reports denied by the party quoted\">Corr./contr./denied</th>");
        sb.Append("<th title=\"reviewer verdicts that confirmed / rejected its side\">Reviewers ✓/✗</th><th>Anonymous</th><th title=\"observations' worth of evidence beyond the prior\">Evidence</th><th>Prior</th></tr></thead><tbody>");
        foreach (var s in list.Sources)
        {
            var e = s.Evidence;
            sb.Append($"<tr class=\"source-row\"><td>{E(s.Name)}</td><td>{E(s.Kind)}</td><td>{N(s.Estimate)}</td><td>{N(s.Low)}–{N(s.High)}</td>");
            sb.Append($"<td>{e.Claims}</td><td>{e.Corroborated}/{e.Contradicted}/{e.Denials}</td><td>{e.ConfirmedByReviewers}/{e.RejectedByReviewers}</td>");
            sb.Append($"<td>{N(e.AnonymousShare * 100, "0")}%</td><td>{N(e.EffectiveEvidence, "0.0")}</td><td>{(s.PriorFromList ? "list" : "default")} {N(s.Prior)}</td></tr>");
        }
        sb.Append("</tbody></table>");
        return Page("Sources", sb.ToString());
    }
}
