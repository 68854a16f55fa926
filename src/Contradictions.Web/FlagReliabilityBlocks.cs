using System.Text;
using static Contradictions.Web.Html;

namespace Contradictions.Web;

/// <summary>The flag page's reliability parts: which side is likelier right, and each side's sources with their intervals.</summary>
internal static class FlagReliabilityBlocks
{
    public static string Likelier(FlagReliabilityView r)
    {
        var side = r.LikelierRight is { } s ? $"side {E(s.ToUpperInvariant())}" : "undetermined";
        var updating = r.Updating
            ? "<p class=\"meta updating\" id=\"reliability-updating\">Source reliability is being recomputed after recent changes to the store; the estimates below are from before them.</p>"
            : string.Empty;
        return updating + $"<p class=\"likelier\" id=\"likelier\">More likely right: <strong>{side}</strong> " +
            $"<span class=\"meta\">(P(A right) from the sources' reliability {N(r.ProbabilityARight)}) — {E(r.Reason)}</span></p>";
    }

    public static string Side(string label, SideReliabilityView? side)
    {
        var id = "reliability-" + label.ToLowerInvariant();
        if (side is null) return $"<div class=\"reliability\" id=\"{id}\"><p class=\"meta\">Reliability: no source credited for this claim.</p></div>";
        var sb = new StringBuilder($"<div class=\"reliability\" id=\"{id}\">");
        sb.Append($"<p>Reliability of {E(side.Source)} ({E(side.Kind)}): <strong>{N(side.Estimate)}</strong>, 90% interval {N(side.Low)}–{N(side.High)}</p>");
        var rows = side.Sources.Select(x => new IntervalChart.Row(x.Name, x.Kind, x.Estimate, x.Low, x.High)).ToList();
        sb.Append(IntervalChart.Svg(rows, $"Reliability of side {label}'s sources with 90% credible intervals", id + "-chart", labelWidth: 210, plotWidth: 230));
        return sb.Append("</div>").ToString();
    }
}
